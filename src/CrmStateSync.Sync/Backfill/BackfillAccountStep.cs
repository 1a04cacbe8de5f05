using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.Backfill;

/// <summary>One account's backfill: replay, diff the final result against the CRM. Computes only: what to record (every
/// replayed transition on its historical date, the conflicts, the worker's own stage when no write carries it) travels in
/// <see cref="OutcomeRecords"/> and is persisted by the runner (<see cref="RecordStep"/>), not in a dry run.</summary>
internal sealed class BackfillAccountStep(ISyncStore store, RulesEngine rules, AccountDiffer differ)
{
    private readonly BackfillReplayer _replayer = new(rules);

    public async Task<(BackfillReplay Replay, AccountPlan Plan, PlannedWrite? Write, OutcomeRecords Records)?> RunAsync(string accountId, DateOnly asOf, DateOnly? from, CancellationToken ct)
    {
        if (await store.LoadAsync(accountId, ct).ConfigureAwait(false) is not { } loaded)
        {
            return null;
        }

        var replay = _replayer.Replay(loaded.Snapshot, asOf, from);
        var result = replay.Final;
        var desired = DesiredValues.From(result, rules.Rules);
        var lastWritten = await store.LastWrittenFieldsAsync(accountId, ct).ConfigureAwait(false);
        var prior = await PriorConflicts.LoadAsync(store, accountId, ct).ConfigureAwait(false);
        var plan = differ.Diff(accountId, desired, loaded.CrmText, lastWritten, prior, result.Stage.ManualMove);
        // As in a cycle: the stage memory is recorded with the write's confirmation, never before it lands.
        var write = plan.Writes.Count > 0 ? new PlannedWrite(accountId, plan.Writes, result.Stage.LastWritten) : null;
        var stage = write is null && !Equals(loaded.Snapshot.LastWritten, result.Stage.LastWritten) ? result.Stage.LastWritten : null;
        // The history takes every replayed transition on its historical date; the store de-duplicates a re-run.
        return (replay, plan, write, new OutcomeRecords(replay.Transitions, plan.Conflicts, asOf, stage));
    }
}
