using CrmStateSync.Sync.Ports;
using CrmStateSync.Sync.Progress;

namespace CrmStateSync.Sync.Engine;

/// <summary>
/// The frame a sync cycle and a backfill share (sync.md "Every cycle records a run row"): the operation's progress opened
/// and closed however it ends, its start on the one clock and the as-of day that gives, and its run row — opened at the
/// start, closed with the summary's finish, outcome and counts; a dry run's read-only store keeps neither.
/// </summary>
internal sealed class CycleRun
{
    private readonly ISyncStore _store;
    private readonly long _id;

    private CycleRun(ISyncStore store, long id, DateTimeOffset startedAt) => (_store, _id, StartedAt) = (store, id, startedAt);

    /// <summary>When the run started (the worker's clock).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The day the rules evaluate as of: the start's UTC date.</summary>
    public DateOnly AsOf => DateOnly.FromDateTime(StartedAt.UtcDateTime);

    /// <summary>Runs <paramref name="body"/> as the operation, reporting its start and its end (however it ended) to <paramref name="progress"/>.</summary>
    public static async Task<T> ReportingAsync<T>(IProgress<ProgressUpdate> progress, string operation, Func<Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(body);
        progress.Report(ProgressUpdate.Started(operation));
        try
        {
            return await body().ConfigureAwait(false);
        }
        finally
        {
            progress.Report(ProgressUpdate.Finished(operation));
        }
    }

    /// <summary>Starts a run of <paramref name="kind"/> (<c>sync</c>, <c>backfill</c>) now: its run row.</summary>
    public static async Task<CycleRun> StartAsync(ISyncStore store, TimeProvider clock, string kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        var started = clock.GetUtcNow();
        var id = await store.StartRunAsync(kind, started, ct).ConfigureAwait(false);
        return new CycleRun(store, id, started);
    }

    /// <summary>Closes the run row with <paramref name="summary"/> (its finish, outcome and counts).</summary>
    public Task FinishAsync(RunSummary summary, CancellationToken ct) => _store.FinishRunAsync(_id, summary, ct);
}
