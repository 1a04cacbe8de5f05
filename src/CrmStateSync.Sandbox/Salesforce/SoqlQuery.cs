using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>
/// The SOQL the sandbox understands, which is what the connector sends:
/// <c>SELECT f, … FROM obj [WHERE SystemModstamp &gt;= 2026-11-23T10:00:00Z] ORDER BY SystemModstamp, Id</c>.
/// </summary>
internal sealed partial record SoqlQuery(IReadOnlyList<string> Fields, string SObject, DateTimeOffset? From)
{
    public const string Stamp = "SystemModstamp";

    /// <summary>The parsed query, or the MALFORMED_QUERY message.</summary>
    public static (SoqlQuery? Query, string? Error) Parse(string? soql)
    {
        var match = Pattern().Match(soql ?? "");
        if (!match.Success)
        {
            return (null, $"unexpected SOQL (the sandbox reads SELECT … FROM … [WHERE {Stamp} >= datetime] ORDER BY {Stamp}, Id): '{soql}'");
        }

        var fields = match.Groups["fields"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        DateTimeOffset? from = null;
        if (match.Groups["literal"].Success)
        {
            if (!DateTimeOffset.TryParseExact(match.Groups["literal"].Value, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:sszzz"],
                    CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return (null, $"value of filter criterion for field '{Stamp}' must be of type dateTime and should not be enclosed in quotes: {match.Groups["literal"].Value}");
            }

            from = at;
        }

        return (new SoqlQuery(fields, match.Groups["object"].Value, from), null);
    }

    [GeneratedRegex(@"^\s*SELECT\s+(?<fields>[\w\s,]+?)\s+FROM\s+(?<object>\w+)(\s+WHERE\s+SystemModstamp\s*>=\s*(?<literal>\S+))?\s+ORDER\s+BY\s+SystemModstamp(\s+ASC)?\s*,\s*Id(\s+ASC)?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
