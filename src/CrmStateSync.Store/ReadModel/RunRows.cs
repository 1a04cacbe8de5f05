using CrmStateSync.Crm.Contract;
using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store.ReadModel;

/// <summary>
/// A problem with a record as stored (open while <see cref="ClosedAt"/> is null), with the account its record belongs to
/// when known (instants as ISO text, UTC): a run's problems and an account's alike.
/// </summary>
public sealed class ProblemRow
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public string ObjectName { get; set; } = "";
    public string RecordId { get; set; } = "";
    public string Field { get; set; } = "";
    public string? Value { get; set; }
    public string Message { get; set; } = "";

    /// <summary>A <see cref="ProblemKind"/> name: <c>Unreadable</c>, <c>UnknownAccount</c>, <c>Failed</c>.</summary>
    public string Kind { get; set; } = "";
    public bool KeptAside { get; set; }
    public string DetectedAt { get; set; } = "";
    public string? ClosedAt { get; set; }

    /// <summary>The account whose page explains the record; null when the cache holds no account for it.</summary>
    public string? AccountId { get; set; }
}

/// <summary>A journaled write the CRM refused, with the CRM's errors (instants as ISO text, UTC).</summary>
public sealed class RejectedWriteRow
{
    public long Id { get; set; }
    public string AccountId { get; set; } = "";
    public string? AccountName { get; set; }

    /// <summary><c>Rejected</c> (still refused), <c>Superseded</c> (a later write replaced it) or <c>Done</c>.</summary>
    public string Status { get; set; } = "";
    public string ValuesJson { get; set; } = "{}";
    public string? ErrorsJson { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public string? CompletedAt { get; set; }

    /// <summary>The values the worker tried to write, by field.</summary>
    public IReadOnlyDictionary<string, string?> Values => StoreJson.Read<Dictionary<string, string?>>(ValuesJson);

    /// <summary>Every error the CRM gave (its code, message and the fields it named); the first code and message when no list was kept.</summary>
    public IReadOnlyList<CrmError> Errors =>
        ErrorsJson is { } json ? StoreJson.Read<List<CrmError>>(json)
        : ErrorCode is { } code ? [new CrmError(code, ErrorMessage ?? "", [])]
        : [];
}

/// <summary>Reads <see cref="RunRow.CallsJson"/>.</summary>
public static class RunCalls
{
    /// <summary>A run's calls by kind, in kind order; empty for a run from before they were counted by kind.</summary>
    public static IReadOnlyList<KeyValuePair<string, long>> ByKind(RunRow run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.CallsJson is { } json
            ? [.. StoreJson.Read<Dictionary<string, long>>(json).OrderBy(k => k.Key, StringComparer.Ordinal)]
            : [];
    }
}
