using CrmStateSync.Crm.Contract;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.Engine;

/// <summary>sync.md steps 5–6: journal each batch before sending, send through the connector, complete the journal
/// with the CRM's per-record results (rejections keep code and message; transient ones are retried next cycle).</summary>
internal sealed class WriteStep(ICrmConnector crm, ISyncStore store, SyncOptions options)
{
    /// <summary>
    /// The end of a cycle in one go (backfill): <see cref="SettleAsync"/> then <see cref="SaveCursorsAsync"/>.
    /// </summary>
    public async Task<(int Written, int Rejected)> CommitAsync(
        IReadOnlyList<PlannedWrite> writes, IReadOnlyDictionary<CrmObject, PullCursor> cursors, IReadOnlyList<string> evaluated, Action<int>? sent, CancellationToken ct)
    {
        var outcome = await SettleAsync(writes, evaluated, sent, ct).ConfigureAwait(false);
        await SaveCursorsAsync(cursors, ct).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>
    /// Settles evaluated accounts (<c>sent</c> is told the writes sent so far after each batch), in the order crash safety needs: their journaled writes, then their changed marks.
    /// A cycle killed later re-reads from the old cursors; the re-read copies are unchanged, so settled accounts are
    /// not marked again, and the accounts not yet settled still carry their marks.
    /// </summary>
    public async Task<(int Written, int Rejected)> SettleAsync(IReadOnlyList<PlannedWrite> writes, IReadOnlyList<string> evaluated, Action<int>? sent, CancellationToken ct)
    {
        var outcome = await RunAsync(writes, sent, ct).ConfigureAwait(false);

        // An account evaluated without a write wants nothing sent: an old rejection of it is stale, not to be retried.
        var written = writes.Select(w => w.AccountId).ToHashSet(StringComparer.Ordinal);
        await store.SupersedeRejectedAsync([.. evaluated.Where(id => !written.Contains(id))], ct).ConfigureAwait(false);
        await store.ClearChangedAsync(evaluated, ct).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Advances the read cursors: only once everything read up to them is durable.</summary>
    public async Task SaveCursorsAsync(IReadOnlyDictionary<CrmObject, PullCursor> cursors, CancellationToken ct)
    {
        foreach (var (kind, cursor) in cursors)
        {
            await store.SetCursorAsync(kind, cursor, ct).ConfigureAwait(false);
        }
    }

    public async Task<(int Written, int Rejected)> RunAsync(IReadOnlyList<PlannedWrite> writes, Action<int>? sent, CancellationToken ct)
    {
        int written = 0, rejected = 0;
        foreach (var chunk in writes.Chunk(options.WriteChunk))
        {
            var batchId = await store.BeginBatchAsync(chunk, ct).ConfigureAwait(false);
            var results = await crm.WriteAccountsAsync([.. chunk.Select(w => w.ToAccountWrite())], ct).ConfigureAwait(false);
            await store.CompleteBatchAsync(batchId, results, ct).ConfigureAwait(false);
            written += results.Count(r => r.Success);
            rejected += results.Count(r => !r.Success);
            sent?.Invoke(written + rejected);
        }

        return (written, rejected);
    }

    /// <summary>
    /// Crash recovery: writes journaled but never confirmed are checked against the CRM's current values (just pulled).
    /// Those the CRM holds landed; the others are re-planned by this cycle's diff, so nothing is sent twice.
    /// </summary>
    public async Task RecoverAsync(CancellationToken ct)
    {
        foreach (var batch in await store.PendingBatchesAsync(ct).ConfigureAwait(false))
        {
            var results = new List<WriteResult>(batch.Writes.Count);
            foreach (var write in batch.Writes)
            {
                var crmText = (await store.LoadAsync(write.AccountId, ct).ConfigureAwait(false))?.CrmText;
                var landed = crmText is not null && write.Fields.All(f => crmText.TryGetValue(f.Field, out var v) && v == f.Text);
                results.Add(landed ? WriteResult.Ok(write.AccountId) : WriteResult.Failed(write.AccountId, true, NotConfirmed));
            }

            await store.CompleteBatchAsync(batch.Id, results, ct).ConfigureAwait(false);
        }
    }

    private static readonly CrmError NotConfirmed = new("NOT_CONFIRMED", "the worker stopped before the CRM confirmed this write; re-planned by the next diff", []);
}
