using CrmStateSync.Sync.Diff;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Store;

/// <summary>A stored stage transition.</summary>
public sealed record TransitionRecord(long Id, string AccountId, string? From, string? To, DateOnly On, StageSource Source, string Reason, DateTimeOffset RecordedAt);

/// <summary>Which value an admin kept when resolving a conflict.</summary>
public enum ConflictKeep
{
    Crm,
    Engine,
}

/// <summary>A conflict to log: the account, the field, both values, what was done, the rule and the day it was seen.</summary>
public sealed record NewConflict(string AccountId, string Field, string? CrmValue, string? EngineValue, ConflictAction Action, string? Rule, DateOnly DetectedOn);

/// <summary>A logged conflict, and its resolution when an admin resolved it.</summary>
public sealed record ConflictEntry(
    long Id,
    string AccountId,
    string Field,
    string? CrmValue,
    string? EngineValue,
    ConflictAction Action,
    string? Rule,
    DateOnly DetectedOn,
    ConflictKeep? ResolvedKeep,
    DateOnly? ResolvedOn)
{
    /// <summary>Logged for review and not resolved yet.</summary>
    public bool IsOpen => Action == ConflictAction.Open && ResolvedOn is null;

    /// <summary>The account's name as last read from the CRM; null when the cache does not hold the account (default null).</summary>
    public string? AccountName { get; init; }

    /// <summary>Who resolved it (the name given to <c>conflicts resolve</c>); null while unresolved or when not recorded.</summary>
    public string? ResolvedBy { get; init; }

    /// <summary>When a cycle acted on the resolution (engine value confirmed by the CRM, or human value left); null until then.</summary>
    public DateTimeOffset? AppliedAt { get; init; }
}

/// <summary>Which conflicts to list: all by default; only open ones, one account's, detected on or after a date.</summary>
public sealed record ConflictFilter(bool OpenOnly = false, string? AccountId = null, DateOnly? Since = null);

/// <summary>An open intervention task; <see cref="CrmTaskId"/> is null until the CRM task exists (create it then).</summary>
public sealed record InterventionTask(long Id, string AccountId, InterventionKind Kind, string? CrmTaskId, DateTimeOffset ReservedAt)
{
    /// <summary>A create was sent and no answer said what became of it: looked up by marker before it is sent again.</summary>
    public bool MaybeCreated { get; init; }

    /// <summary>Creates sent for this reservation.</summary>
    public int Attempts { get; init; }

    /// <summary>The CRM's code for the last refusal (or <c>ANSWER_LOST</c>); null when none.</summary>
    public string? LastErrorCode { get; init; }

    /// <summary>The CRM's message for the last refusal; null when none.</summary>
    public string? LastErrorMessage { get; init; }
}

/// <summary>A cycle's counts.</summary>
public sealed record RunCounts(int Read = 0, int Evaluated = 0, int Written = 0, int Rejected = 0, int Conflicts = 0, long ApiCalls = 0, int Problems = 0)
{
    /// <summary>
    /// <see cref="ApiCalls"/> by kind, stored as <c>runs.calls_json</c> for the console's run page; empty (the default,
    /// stored as null) when the connector does not count by kind. Not read back into a <see cref="RunRecord"/>.
    /// </summary>
    public IReadOnlyDictionary<string, long> CallsByKind { get; init; } = Sync.Engine.CallShare.None;

    /// <summary>The org's daily API use and limit as the CRM last reported them (null where it does not); <c>runs.api_used/api_max</c>.</summary>
    public (long? Used, long? Max) OrgApiUse { get; init; }
}

/// <summary>A run row: kind (<c>sync</c>, <c>backfill</c> …), start, end and outcome (null while running), counts.</summary>
public sealed record RunRecord(long Id, string Kind, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Outcome, RunCounts Counts);
