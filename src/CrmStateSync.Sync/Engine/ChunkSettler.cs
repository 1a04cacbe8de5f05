using CrmStateSync.Sync.Ports;
using CrmStateSync.Sync.Progress;

namespace CrmStateSync.Sync.Engine;

/// <summary>
/// Settles evaluated accounts chunk by chunk (tasks, journaled writes, changed marks) while keeping writes at the
/// floor of ⌈changed / batch⌉ calls: accounts with a write wait until a full batch is ready (fewer than one batch are
/// ever held back), accounts without one are settled at once. The rest is sent by <see cref="FlushAsync"/>.
/// Reports the <c>write</c> phase (writes sent of those planned so far) and the <c>tasks</c> phase (tasks created).
/// </summary>
internal sealed class ChunkSettler(TaskStep tasks, WriteStep write, SyncOptions options, CycleTally tally, IProgress<ProgressUpdate> progress)
{
    private readonly List<AccountOutcome> _waiting = [];
    private long _planned;

    /// <param name="chunk">The account ids looked at (some may be gone from the cache and have no outcome).</param>
    /// <param name="outcomes">The evaluated accounts of the chunk.</param>
    /// <param name="ct">Cancels the work.</param>
    public async Task AddAsync(string[] chunk, IReadOnlyList<AccountOutcome> outcomes, CancellationToken ct)
    {
        var evaluated = outcomes.Select(o => o.AccountId).ToHashSet(StringComparer.Ordinal);
        var withoutWrite = outcomes.Where(o => o.Write is null).ToList();
        await SettleAsync(withoutWrite, [.. withoutWrite.Select(o => o.AccountId), .. chunk.Where(id => !evaluated.Contains(id))], ct).ConfigureAwait(false);
        var withWrite = outcomes.Where(o => o.Write is not null).ToList();
        _planned += withWrite.Count;
        _waiting.AddRange(withWrite);
        var ready = _waiting.Count / options.WriteChunk * options.WriteChunk;
        if (ready > 0)
        {
            var batch = _waiting[..ready];
            _waiting.RemoveRange(0, ready);
            await SettleAsync(batch, [.. batch.Select(o => o.AccountId)], ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sends what is still waiting (less than one batch).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var rest = _waiting.ToList();
        _waiting.Clear();
        await SettleAsync(rest, [.. rest.Select(o => o.AccountId)], ct).ConfigureAwait(false);
    }

    private async Task SettleAsync(IReadOnlyList<AccountOutcome> outcomes, IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var created = options.CreateTasks ? await tasks.RunAsync(outcomes, ct).ConfigureAwait(false) : 0;
        if (created > 0)
        {
            progress.Report(new ProgressUpdate("sync", "tasks", tally.Tasks + created, null));
        }

        var before = tally.Written + tally.Rejected;
        var (written, rejected) = await write.SettleAsync(
            [.. outcomes.Select(o => o.Write).OfType<PlannedWrite>()], ids, sent => progress.Report(new ProgressUpdate("sync", "write", before + sent, _planned)), ct).ConfigureAwait(false);
        tally.AddSettled(created, written, rejected);
    }
}
