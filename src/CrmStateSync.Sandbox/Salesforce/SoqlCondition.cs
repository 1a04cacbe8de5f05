using System.Text;
using System.Text.RegularExpressions;
using CrmStateSync.Sandbox.Data;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>
/// One WHERE condition: <c>Field = 'text'</c>, <c>Field = true|false</c> or <c>Field LIKE 'pattern'</c>. As in
/// Salesforce, text comparisons ignore case and LIKE's wildcards are <c>%</c> and <c>_</c> (a backslash escapes them).
/// </summary>
/// <param name="Field">The field's API name.</param>
/// <param name="Operator"><c>=</c>, <c>LIKE</c> or <c>&gt;=</c> (the last for <c>SystemModstamp</c> only).</param>
/// <param name="Literal">The value: unescaped text when <paramref name="Quoted"/>, else the bare token.</param>
/// <param name="Quoted">Whether the value was a quoted string.</param>
internal sealed partial record SoqlCondition(string Field, string Operator, string Literal, bool Quoted)
{
    public static SoqlCondition From(string field, string op, string value)
    {
        var quoted = value.StartsWith('\'');
        return new SoqlCondition(field, op.ToUpperInvariant(), quoted ? value[1..^1] : value, quoted);
    }

    public bool Matches(SandboxRecord record) => (Operator, SoqlValues.Of(record, Field)) switch
    {
        ("LIKE", var value) => value is string text && LikeRegex().IsMatch(text),
        ("=", bool flag) => !Quoted && bool.TryParse(Literal, out var wanted) && flag == wanted,
        ("=", var value) => Quoted && string.Equals(value?.ToString(), Unescape(Literal), StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private Regex LikeRegex()
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < Literal.Length; i++)
        {
            var c = Literal[i];
            pattern.Append(c switch
            {
                '\\' when i + 1 < Literal.Length => Regex.Escape(Literal[++i].ToString()),
                '%' => ".*",
                '_' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    private static string Unescape(string literal) => EscapedChar().Replace(literal, "$1");

    [GeneratedRegex(@"\\(.)", RegexOptions.Singleline)]
    private static partial Regex EscapedChar();
}
