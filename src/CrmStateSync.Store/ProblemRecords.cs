namespace CrmStateSync.Store;

/// <summary>What kind of problem a record has.</summary>
public enum ProblemKind
{
    /// <summary>A value the worker cannot read (not a date, not a known picklist value, a malformed id, empty account reference…).</summary>
    Unreadable,

    /// <summary>A child record refers to an account the cache does not hold after the pull: kept aside until the account arrives.</summary>
    UnknownAccount,

    /// <summary>An unexpected exception while caching or evaluating the record.</summary>
    Failed,

    /// <summary>A write the CRM refused (from the write journal, with the CRM's code and message).</summary>
    Rejected,
}

/// <summary>
/// One problem of a run: the record (object and id), the field and value, why, whether the record is kept aside, when
/// it was seen and when it was closed (the record read back fine, its account arrived, the write landed or was replaced).
/// </summary>
public sealed record ProblemEntry(
    long Id,
    long? RunId,
    string ObjectName,
    string RecordId,
    string Field,
    string? Value,
    string Message,
    ProblemKind Kind,
    bool KeptAside,
    DateTimeOffset DetectedAt,
    DateTimeOffset? ClosedAt)
{
    /// <summary>Still open: the record is still kept aside or unreadable, or the write has still not landed.</summary>
    public bool IsOpen => ClosedAt is null;
}

/// <summary>Which problems to list: all by default; one run's; only open ones.</summary>
public sealed record ProblemFilter(long? RunId = null, bool OpenOnly = false);
