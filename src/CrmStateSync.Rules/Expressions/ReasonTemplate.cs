using System.Globalization;
using System.Text;

namespace CrmStateSync.Rules.Expressions;

/// <summary>
/// A reason text with <c>{expression}</c> placeholders over signals, compiled once:
/// <c>{ValueActions14d} value actions in the last 14 days ≥ {T.ValueActionThreshold}</c>.
/// </summary>
internal sealed class ReasonTemplate
{
    private readonly List<(string? Literal, Func<Signals.Signals, object?>? Value)> _parts = [];

    private ReasonTemplate()
    {
    }

    /// <summary>The template as written in configuration.</summary>
    public string Source { get; private init; } = "";

    public static ReasonTemplate Compile(string template, string key, ExpressionCompiler compiler, List<string> problems)
    {
        var result = new ReasonTemplate { Source = template };
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                result._parts.Add((template[position..], null));
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                problems.Add($"{key}: unclosed '{{' at position {open}");
                break;
            }

            result._parts.Add((template[position..open], null));
            result._parts.Add((null, compiler.Value(template[(open + 1)..close], $"{key} {{{template[(open + 1)..close]}}}")));
            position = close + 1;
        }

        return result;
    }

    public string Render(Signals.Signals signals)
    {
        var text = new StringBuilder();
        foreach (var (literal, value) in _parts)
        {
            text.Append(literal ?? Format(value?.Invoke(signals)));
        }

        return text.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "not recorded",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double x => x.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
