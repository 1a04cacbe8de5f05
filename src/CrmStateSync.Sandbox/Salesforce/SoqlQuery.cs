using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>
/// The SOQL the sandbox understands, which is what the connector sends: the incremental read
/// <c>SELECT f, … FROM obj [WHERE SystemModstamp &gt;= 2026-11-23T10:00:00Z] ORDER BY SystemModstamp, Id</c>, and the task
/// lookup <c>SELECT Id FROM Task WHERE WhatId = '…' AND IsClosed = false AND Subject LIKE '%…%' LIMIT 1</c>: a WHERE of
/// <c>AND</c>ed <c>=</c> / <c>LIKE</c> / <c>SystemModstamp &gt;=</c> conditions, an optional ORDER BY and LIMIT; and
/// <c>SELECT COUNT() FROM obj [WHERE …]</c>, the size check before a Bulk API 2.0 read.
/// </summary>
internal sealed partial record SoqlQuery(IReadOnlyList<string> Fields, string SObject, DateTimeOffset? From)
{
    public const string Stamp = "SystemModstamp";

    /// <summary>The conditions other than the <see cref="Stamp"/> bound; default none.</summary>
    public IReadOnlyList<SoqlCondition> Conditions { get; init; } = [];

    /// <summary><c>SELECT COUNT()</c>: the answer is the count (<c>totalSize</c>), no records.</summary>
    public bool IsCount => Fields is [var only] && only.Equals("COUNT()", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether it ends with <c>ORDER BY SystemModstamp, Id</c>.</summary>
    public bool Ordered { get; init; }

    /// <summary>The LIMIT; default none.</summary>
    public int? Limit { get; init; }

    /// <summary>The parsed query, or the MALFORMED_QUERY message.</summary>
    public static (SoqlQuery? Query, string? Error) Parse(string? soql)
    {
        var match = Pattern().Match(soql ?? "");
        if (!match.Success)
        {
            return (null, $"unexpected SOQL (the sandbox reads SELECT … FROM … [WHERE a = 'x' AND b LIKE '%y%' AND {Stamp} >= datetime] [ORDER BY {Stamp}, Id] [LIMIT n]): '{soql}'");
        }

        var fields = match.Groups["fields"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var (conditions, from, error) = Where(match.Groups["where"].Success ? match.Groups["where"].Value : "");
        if (error is not null)
        {
            return (null, error);
        }

        int? limit = match.Groups["limit"].Success ? int.Parse(match.Groups["limit"].Value, CultureInfo.InvariantCulture) : null;
        return (new SoqlQuery(fields, match.Groups["object"].Value, from) { Conditions = conditions, Limit = limit, Ordered = match.Groups["order"].Success }, null);
    }

    private static (List<SoqlCondition> Conditions, DateTimeOffset? From, string? Error) Where(string where)
    {
        var (conditions, from, consumed) = (new List<SoqlCondition>(), (DateTimeOffset?)null, 0);
        foreach (Match m in ConditionPattern().Matches(where))
        {
            if (m.Index != consumed)
            {
                break;
            }

            consumed += m.Length;
            var condition = SoqlCondition.From(m.Groups["field"].Value, m.Groups["op"].Value, m.Groups["value"].Value);
            if (!string.Equals(condition.Field, Stamp, StringComparison.OrdinalIgnoreCase))
            {
                conditions.Add(condition);
            }
            else if (condition.Operator == ">=" && ParseDateTime(condition.Literal) is { } at)
            {
                from = at;
            }
            else
            {
                return ([], null, $"value of filter criterion for field '{Stamp}' must be of type dateTime and should not be enclosed in quotes: {condition.Literal}");
            }
        }

        return consumed == where.Length ? (conditions, from, null) : ([], null, $"unexpected WHERE clause near '{where[consumed..]}'");
    }

    private static DateTimeOffset? ParseDateTime(string literal) =>
        DateTimeOffset.TryParseExact(literal, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:sszzz"],
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    [GeneratedRegex(@"^\s*SELECT\s+(?<fields>COUNT\(\)|[\w\s,]+?)\s+FROM\s+(?<object>\w+)(\s+WHERE\s+(?<where>.+?))?(?<order>\s+ORDER\s+BY\s+SystemModstamp(\s+ASC)?\s*,\s*Id(\s+ASC)?)?(\s+LIMIT\s+(?<limit>\d{1,9}))?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\s*(?<field>\w+)\s*(?<op>>=|=|\bLIKE\b)\s*(?<value>'(?:\\.|[^'\\])*'|[^\s']+)\s*(\bAND\b\s*|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConditionPattern();
}
