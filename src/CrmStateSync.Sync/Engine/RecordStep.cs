using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.Engine;

/// <summary>
/// Settles what evaluation decided about an account besides its write (<see cref="OutcomeRecords"/>): its transitions
/// in the history, its conflicts in the log, its own stage when no write carries it. A cycle records a chunk's outcomes
/// before the chunk's tasks, writes and changed marks, as it did when evaluation recorded them itself; a backfill
/// records each replayed account's as it goes.
/// </summary>
internal sealed class RecordStep(ISyncStore store)
{
    public async Task RunAsync(string accountId, OutcomeRecords records, CancellationToken ct)
    {
        await store.AppendTransitionsAsync(accountId, records.Transitions, ct).ConfigureAwait(false);
        await store.AddConflictsAsync(records.Conflicts, records.DetectedOn, ct).ConfigureAwait(false);
        if (records.Stage is { } stage)
        {
            await store.SetLastWrittenStageAsync(accountId, stage, ct).ConfigureAwait(false);
        }
    }
}
