using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Sync.Ports;

/// <summary>
/// A problem with one record, met while handling it (sync.md "No record stops a cycle"): the object, the record id, the
/// field (<see cref="Evaluation"/> when it is about the whole account), the value and why, and whether the record is
/// kept aside until it is fixed. Stored under the run.
/// </summary>
public sealed record RecordProblem(CrmObject CrmObject, string RecordId, string Field, string? Value, string Message, bool KeptAside)
{
    /// <summary>The field of an exception while evaluating an account.</summary>
    public const string Evaluation = "(evaluation)";
}
