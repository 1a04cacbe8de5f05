using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Sync.Ports;

/// <summary>A journaled write the CRM refused and no later write of the account replaced: whose it is, and whether the
/// CRM said to retry (a lock, a conflict) or refused it for good (a validation rule).</summary>
public sealed record RejectedWrite(string AccountId, bool Transient);

/// <summary>One entry of an account's conflict log, as logged (and resolved by an admin, if so).</summary>
/// <param name="Id">Its id: later entries have larger ids.</param>
/// <param name="Field">The managed field (canonical key).</param>
/// <param name="CrmValue">The value the CRM held.</param>
/// <param name="EngineValue">The value the worker computed.</param>
/// <param name="Action">What the worker did.</param>
/// <param name="Resolved">An admin's decision, if one was recorded.</param>
public sealed record LoggedConflict(long Id, string Field, string? CrmValue, string? EngineValue, ConflictAction Action, ResolvedKeep? Resolved);

/// <summary>One journaled write of an account: the field values it carried (canonical keys, as text) and whether the CRM
/// confirmed it.</summary>
public sealed record JournaledWrite(IReadOnlyDictionary<string, string?> Values, bool Done);
