using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Schema;

/// <summary>What the schema check found for one expected field.</summary>
public enum SchemaVerdict
{
    Ok,

    /// <summary>No such field (or no such object).</summary>
    Missing,

    /// <summary>The field exists with a type the worker cannot use (or a plain field where a calculated one is expected).</summary>
    WrongType,

    /// <summary>A picklist the worker writes lacks (active) values the rules can write.</summary>
    MissingValues,

    /// <summary>A field the worker writes is not updateable by the integration user.</summary>
    ReadOnly,
}

/// <summary>One row of the schema check: the expected field, what the org has, the verdict, the missing picklist values.</summary>
public sealed record SchemaFinding(ExpectedField Expected, CrmFieldDescription? Found, SchemaVerdict Verdict, IReadOnlyList<string> MissingValues)
{
    public bool IsProblem => Verdict != SchemaVerdict.Ok;

    /// <summary>The verdict as printed: <c>OK</c>, <c>MISSING</c>, <c>WRONG_TYPE</c>, <c>MISSING_VALUES</c>, <c>READ_ONLY</c>.</summary>
    public string VerdictText => Verdict switch
    {
        SchemaVerdict.Ok => "OK",
        SchemaVerdict.Missing => "MISSING",
        SchemaVerdict.WrongType => "WRONG_TYPE",
        SchemaVerdict.MissingValues => "MISSING_VALUES",
        _ => "READ_ONLY",
    };

    /// <summary>What the worker needs, e.g. <c>picklist, written</c>.</summary>
    public string ExpectedText => $"{TypeText(Expected.Type)}, {Expected.Access.ToString().ToLowerInvariant()}";

    /// <summary>What the org has, e.g. <c>date, updateable</c>, or <c>-</c> when nothing.</summary>
    public string FoundText => Found is null ? "-"
        : $"{TypeText(Found.Type)}, {(Found.Calculated ? "calculated" : Found.Updateable ? "updateable" : "read-only")}";

    /// <summary>The verdict with the missing values, e.g. <c>MISSING_VALUES: At-Risk, Churned</c>.</summary>
    public string Detail => MissingValues.Count == 0 ? VerdictText : $"{VerdictText}: {string.Join(", ", MissingValues)}";

    private static string TypeText(CrmFieldType type) => type switch
    {
        CrmFieldType.DateTime => "datetime",
        _ => type.ToString().ToLowerInvariant(),
    };
}

/// <summary>The schema check's answer: one finding per expected field.</summary>
public sealed record SchemaReport(IReadOnlyList<SchemaFinding> Findings)
{
    public IReadOnlyList<SchemaFinding> Problems => [.. Findings.Where(f => f.IsProblem)];

    public bool IsOk => Findings.All(f => !f.IsProblem);
}
