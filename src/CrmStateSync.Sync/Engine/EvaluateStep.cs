using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Explain;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.Engine;

/// <summary>sync.md steps 2–4 for one account: evaluate from the cache, diff against the CRM and the last write, settle
/// conflicts. Computes only: what to record (transitions, conflicts, the worker's own stage) travels in the outcome and is
/// persisted when its chunk is settled (<see cref="RecordStep"/>); a dry run never settles.</summary>
internal sealed class EvaluateStep(ISyncStore store, RulesEngine rules, AccountDiffer differ)
{
    // The console's "why" evaluates through the same explainer, so it shows what a cycle would compute.
    private readonly AccountExplainer _explainer = new(store, rules);

    public async Task<AccountOutcome?> RunAsync(string accountId, DateOnly asOf, CancellationToken ct)
    {
        if (await _explainer.ExplainAsync(accountId, asOf, ct).ConfigureAwait(false) is not { } explained)
        {
            return null;
        }

        var (loaded, lastWritten, result) = ((explained.Snapshot, explained.CrmText), explained.LastWritten, explained.Result);
        var desired = DesiredValues.From(result, rules.Rules);
        var prior = await PriorConflicts.LoadAsync(store, accountId, ct).ConfigureAwait(false);
        var plan = differ.Diff(accountId, desired, loaded.CrmText, lastWritten, prior, result.Stage.ManualMove);
        // The stage memory travels with the account's write and is recorded only when the CRM confirms it (rules.md §8
        // "Interruptions change nothing"): recorded before, a write that never lands would turn the next evaluation from
        // a go-live one (previous-system values ignored) into one that keeps those values as the worker's own.
        var write = plan.Writes.Count > 0
            ? new PlannedWrite(accountId, plan.Writes, result.Stage.LastWritten) { Agreed = Agreed(desired, loaded.CrmText, lastWritten) }
            : null;
        // Nothing to send (the CRM already holds every value): the worker's own stage is recorded when the chunk is settled.
        var stage = write is null && !Equals(loaded.Snapshot.LastWritten, result.Stage.LastWritten) ? result.Stage.LastWritten : null;
        return new AccountOutcome(accountId, loaded.Snapshot.OwnerId, result, plan, write)
        {
            Records = new OutcomeRecords(result.Stage.Transitions, plan.Conflicts, asOf, stage),
        };
    }

    /// <summary>Managed fields whose CRM value is already the computed one but not yet recorded as the worker's.</summary>
    private static List<FieldChange> Agreed(Dictionary<string, object?> desired, IReadOnlyDictionary<string, string?> crm, IReadOnlyDictionary<string, string?> lastWritten) =>
        [.. desired
            .Where(d => d.Key != Crm.Contract.ManagedField.StageReason && crm.TryGetValue(d.Key, out var current) && FieldText.Of(d.Value) == current
                && (!lastWritten.TryGetValue(d.Key, out var written) || written != current))
            .Select(d => new FieldChange(d.Key, crm[d.Key], d.Value, crm[d.Key]))];
}
