using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Sync.Ownership;

namespace CrmStateSync.Sync.Diff;

/// <summary>
/// sync.md steps 3–4, pure: compare each computed value with the CRM's value and with the value the worker last
/// wrote; write only what differs; a CRM value that differs from the last write is a human edit, settled by the
/// field group's ownership policy (the stage is validated by the rules' manual-move verdict instead).
/// </summary>
public sealed class AccountDiffer(OwnershipOptions ownership)
{
    /// <param name="accountId">The account.</param>
    /// <param name="desired">The computed values (<see cref="DesiredValues"/>).</param>
    /// <param name="crm">The CRM's current values as canonical text; only keys present here are mapped and written.</param>
    /// <param name="lastWritten">What the worker last wrote per field (a key is present once written).</param>
    /// <param name="priorConflicts">The latest logged conflict per field.</param>
    /// <param name="manualMove">The rules' verdict on a manual stage move, if one was detected.</param>
    public AccountPlan Diff(
        string accountId,
        IReadOnlyDictionary<string, object?> desired,
        IReadOnlyDictionary<string, string?> crm,
        IReadOnlyDictionary<string, string?> lastWritten,
        IReadOnlyDictionary<string, PriorConflict> priorConflicts,
        ManualMove? manualMove)
    {
        var writes = new List<FieldChange>();
        var conflicts = new List<ConflictRecord>();
        if (manualMove is not null)
        {
            conflicts.Add(StageConflict(accountId, manualMove));
        }

        var stageChanges = Differs(desired, crm, ManagedField.Stage);
        foreach (var (field, value) in desired)
        {
            if (!crm.TryGetValue(field, out var current) || field == ManagedField.StageReason)
            {
                continue;
            }

            var text = FieldText.Of(value);
            if (text == current)
            {
                continue;
            }

            var change = new FieldChange(field, current, value, text);
            if (field is ManagedField.Stage or ManagedField.OverrideReason || !IsHumanEdit(field, current, lastWritten))
            {
                writes.Add(change);
                continue;
            }

            Settle(accountId, change, lastWritten[field], priorConflicts.GetValueOrDefault(field), writes, conflicts);
        }

        // The reason restates today's figures; writing it daily would fire the org's flows for nothing. It is written
        // with a stage change, and with an accepted manual move: the CRM holds that stage already, but not why.
        var reasonChanges = stageChanges || manualMove is { Accepted: true };
        if (crm.TryGetValue(ManagedField.StageReason, out var reason) && (reasonChanges || reason is null)
            && FieldText.Of(desired.GetValueOrDefault(ManagedField.StageReason)) is { } newReason && newReason != reason)
        {
            writes.Add(new FieldChange(ManagedField.StageReason, reason, newReason, newReason));
        }

        return new AccountPlan(accountId, writes, conflicts);
    }

    private static bool Differs(IReadOnlyDictionary<string, object?> desired, IReadOnlyDictionary<string, string?> crm, string field) =>
        crm.TryGetValue(field, out var current) && FieldText.Of(desired.GetValueOrDefault(field)) != current;

    private static bool IsHumanEdit(string field, string? current, IReadOnlyDictionary<string, string?> lastWritten) =>
        lastWritten.TryGetValue(field, out var written) && written != current;

    private void Settle(string accountId, FieldChange change, string? previous, PriorConflict? prior, List<FieldChange> writes, List<ConflictRecord> conflicts)
    {
        if (prior is { Resolved: { } keep } resolved && resolved.CrmValue == change.CrmText)
        {
            // An admin settled this very disagreement: the engine value is written, or the human value is kept until
            // the computed value changes. Nothing new is logged.
            if (keep == ResolvedKeep.Engine || resolved.EngineValue != change.Text)
            {
                writes.Add(change);
            }

            return;
        }

        var policy = ownership.PolicyOf(OwnershipOptions.GroupOf(change.Field));
        var conflict = new ConflictRecord(accountId, change.Field, change.CrmText, change.Text, previous, ConflictAction.Reverted, $"{policy}: human edit reverted");
        switch (policy)
        {
            case OwnershipPolicy.EngineWins when prior is { Action: ConflictAction.Reverted, RevertUnconfirmed: true } p && p.CrmValue == change.CrmText && p.EngineValue == change.Text:
                // The same human edit, logged already; its revert never reached the CRM (sync.md "Checkpoint"): resend only.
                writes.Add(change);
                break;
            case OwnershipPolicy.EngineWins:
                writes.Add(change);
                conflicts.Add(conflict);
                break;
            case OwnershipPolicy.CrmWins when prior is { Action: ConflictAction.Accepted } p && p.CrmValue == change.CrmText:
                // Accepted before: keep honouring it until the computed value changes (the inputs changed).
                if (p.EngineValue != change.Text)
                {
                    writes.Add(change);
                }

                break;
            case OwnershipPolicy.CrmWins:
                conflicts.Add(conflict with { Action = ConflictAction.Accepted, Rule = "CrmWins: human value kept until the inputs change" });
                break;
            case OwnershipPolicy.Review when prior is { Action: ConflictAction.Open } p && p.CrmValue == change.CrmText:
                break;
            default:
                conflicts.Add(conflict with { Action = ConflictAction.Open, Rule = "Review: left for an admin" });
                break;
        }
    }

    private static ConflictRecord StageConflict(string accountId, ManualMove move) => new(
        accountId, ManagedField.Stage, move.To, move.Accepted ? move.To : move.From, move.From,
        move.Accepted ? ConflictAction.Accepted : ConflictAction.Reverted, $"{move.Rule}: {move.Reason}");
}
