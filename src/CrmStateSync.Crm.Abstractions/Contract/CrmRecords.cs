using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Contract;

/// <summary>
/// The account-level part of the canonical snapshot (rules.md §1) as read from the CRM: everything but
/// opportunities, contacts, usage and last-written (the store supplies those).
/// </summary>
public sealed record AccountRecord(AccountSnapshot Account)
{
    /// <summary>
    /// The CRM's current value of every mapped managed field as canonical text (dates <c>YYYY-MM-DD</c>, numbers
    /// invariant, booleans <c>true</c>/<c>false</c>, picklists as canonical labels; empty = null), keyed by
    /// <see cref="ManagedField"/>: what the sync diffs its computed values against.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ManagedText { get; init; } = new Dictionary<string, string?>();
}

/// <summary>An opportunity with the account it belongs to.</summary>
public sealed record OpportunityRecord(string AccountId, Opportunity Opportunity);

/// <summary>A contact with the account it belongs to.</summary>
public sealed record ContactRecord(string AccountId, Contact Contact);

/// <summary>A usage row with the account it belongs to.</summary>
public sealed record UsageRecord(string Id, string AccountId, UsageRow Usage);

/// <summary>
/// One changed record from an incremental read: the canonical record (null when deleted or unreadable), whether it
/// was deleted or merged away, the problems met mapping its fields (the other fields still arrive), and who changed
/// it last (so the worker recognises its own echo).
/// </summary>
public sealed record CrmChange<T>(string Id, DateTimeOffset ModifiedAt, T? Record, bool Deleted, IReadOnlyList<FieldProblem> Problems, string? LastModifiedBy = null)
    where T : class
{
    /// <summary>
    /// The record is kept aside (sync.md "No record stops a cycle"): an opportunity, contact or usage row with any
    /// problem is not cached (a good copy cached before stays where it was); an account with a problem in an input
    /// field is cached but not evaluated. Either way until a later read returns it fixed. Default false.
    /// </summary>
    public bool KeptAside { get; init; }
}

/// <summary>A value that could not be converted: the record, the CRM field, the value, and why.</summary>
public sealed record FieldProblem(string RecordId, string Field, string? Value, string Message)
{
    public override string ToString() => $"record {RecordId}: field {Field}: '{Value}' {Message}";
}
