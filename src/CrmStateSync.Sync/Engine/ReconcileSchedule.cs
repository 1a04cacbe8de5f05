using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.Engine;

/// <summary>
/// When a cycle reads every object in full (sync.md "drift detection"): every <see cref="SyncOptions.ReconcileEvery"/>
/// since the last one, remembered in the store. A first cycle's read is already full, so it starts the count.
/// </summary>
internal sealed class ReconcileSchedule(ISyncStore store, SyncOptions options)
{
    /// <summary>
    /// Whether this cycle reconciles, and whether its read counts as a reconciliation to record. A dry run's read-only
    /// store knows no reconciliation (and records none), so a dry run never reconciles.
    /// </summary>
    public async Task<(bool Reconcile, bool Record)> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var last = await store.LastReconcileAsync(ct).ConfigureAwait(false);
        if (last is null)
        {
            return (false, true);
        }

        var due = options.ReconcileEvery > TimeSpan.Zero && now - last.Value >= options.ReconcileEvery;
        return (due, due);
    }

    /// <summary>Records the reconciliation once the cycle's work is durable (a crash before it reconciles again).</summary>
    public Task RecordAsync(DateTimeOffset startedAt, CancellationToken ct) => store.SetLastReconcileAsync(startedAt, ct);
}
