namespace CrmStateSync.Sync.Diff;

/// <summary>A field to write: the CRM's current value, the new value (typed, for the connector) and its text.</summary>
public sealed record FieldChange(string Field, string? CrmText, object? Value, string? Text);

/// <summary>What the worker did about a disagreement between a human edit and the computed value.</summary>
public enum ConflictAction
{
    /// <summary>The computed value was written back over the human edit.</summary>
    Reverted,

    /// <summary>The human value stays (CrmWins, or a valid manual stage move).</summary>
    Accepted,

    /// <summary>Left for an admin (Review).</summary>
    Open,
}

/// <summary>An entry for the conflict log.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Field">The managed field key.</param>
/// <param name="CrmValue">What the CRM holds (the human edit).</param>
/// <param name="EngineValue">What the rules computed.</param>
/// <param name="PreviousValue">What the worker last wrote.</param>
/// <param name="Action">What the worker did.</param>
/// <param name="Rule">The policy or the rule that decided.</param>
public sealed record ConflictRecord(string AccountId, string Field, string? CrmValue, string? EngineValue, string? PreviousValue, ConflictAction Action, string Rule);

/// <summary>Which value an admin kept when resolving a conflict.</summary>
public enum ResolvedKeep
{
    /// <summary>The human value stays; the worker stops overriding it until its computed value changes.</summary>
    Crm,

    /// <summary>The worker writes its computed value on the next cycle.</summary>
    Engine,
}

/// <summary>
/// The latest logged conflict of a field, which the next diff must remember (CrmWins acceptance, open review, an
/// admin's resolution, a revert that never reached the CRM).
/// </summary>
/// <param name="CrmValue">The CRM's (human) value the conflict logged.</param>
/// <param name="EngineValue">The computed value the conflict logged.</param>
/// <param name="Action">What the policy did.</param>
/// <param name="Resolved">The value an admin kept, when resolved.</param>
/// <param name="RevertUnconfirmed">A revert whose write never reached the CRM (the worker was killed before the CRM confirmed it,
/// or the CRM refused it): the field's latest journaled write is not done and carries <paramref name="EngineValue"/>. Default false.</param>
public sealed record PriorConflict(string? CrmValue, string? EngineValue, ConflictAction Action, ResolvedKeep? Resolved = null, bool RevertUnconfirmed = false);

/// <summary>One account's plan: the fields to write and the conflicts to log.</summary>
public sealed record AccountPlan(string AccountId, IReadOnlyList<FieldChange> Writes, IReadOnlyList<ConflictRecord> Conflicts)
{
    public bool IsEmpty => Writes.Count == 0 && Conflicts.Count == 0;
}
