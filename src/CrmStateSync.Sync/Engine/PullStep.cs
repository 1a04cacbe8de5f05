using CrmStateSync.Crm.Contract;
using CrmStateSync.Sync.Ports;
using CrmStateSync.Sync.Progress;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Sync.Engine;

/// <summary>sync.md step 1: read what changed since each object's cursor into the cache; the new cursors are returned,
/// not saved — they advance only once the cycle's work is durable. Each record read is reported as progress of its
/// object's phase (<c>read accounts</c> …) of the operation.</summary>
internal sealed partial class PullStep(ICrmConnector crm, ISyncStore store, SyncOptions options, TimeProvider clock, ILogger logger, IProgress<ProgressUpdate> progress, string operation)
{
    /// <param name="reconcile">Read every object in full (not from its cursor) and sweep what the CRM no longer has.</param>
    /// <param name="ct">Cancels the pull.</param>
    public async Task<PullResult> RunAsync(bool reconcile, CancellationToken ct)
    {
        var cursors = new Dictionary<CrmObject, PullCursor>();
        int read = 0, problems = 0, removed = 0;
        foreach (var kind in Enum.GetValues<CrmObject>())
        {
            var pulled = await store.GetCursorAsync(kind, ct).ConfigureAwait(false);
            if (reconcile)
            {
                await store.BeginSweepAsync(kind, ct).ConfigureAwait(false);
            }

            var (next, count, bad) = await DrainAsync(kind, reconcile ? ReadCursor.Start : pulled.Read, pulled.Read, ct).ConfigureAwait(false);
            removed += reconcile ? await store.EndSweepAsync(kind, ct).ConfigureAwait(false) : 0;
            cursors[kind] = Advance(pulled, next);
            read += count;
            problems += bad;
        }

        // Only now is "unknown account" decidable: accounts are pulled first, and a child may name one cached earlier.
        var reviewed = await store.ReviewPullAsync(ct).ConfigureAwait(false);
        if (reviewed > 0)
        {
            LogReviewed(logger, reviewed);
        }

        problems += reviewed;
        return new PullResult(cursors, read, problems, removed);
    }

    /// <summary>Reads from <paramref name="from"/>; the cursor advances from <paramref name="cursor"/> (never back).</summary>
    private Task<(ReadCursor Next, int Read, int Problems)> DrainAsync(CrmObject kind, ReadCursor from, ReadCursor cursor, CancellationToken ct) => kind switch
    {
        CrmObject.Account => Drain(crm.ReadAccountsAsync(from, ct), "read accounts", cursor, store.ApplyAsync, ct),
        CrmObject.Opportunity => Drain(crm.ReadOpportunitiesAsync(from, ct), "read opportunities", cursor, store.ApplyAsync, ct),
        CrmObject.Contact => Drain(crm.ReadContactsAsync(from, ct), "read contacts", cursor, store.ApplyAsync, ct),
        _ => Drain(crm.ReadUsageAsync(from, ct), "read usage", cursor, store.ApplyAsync, ct),
    };

    /// <summary>
    /// A pull that reached a newer change starts a new cursor, reached now. A pull that found nothing newer, at least
    /// <see cref="SyncOptions.SettleTime"/> after its cursor was reached, has re-read the overlap after every late
    /// commit could land: the cursor is settled and later pulls skip the overlap. (Both times are the worker's clock.)
    /// </summary>
    private PullCursor Advance(PullCursor pulled, ReadCursor next)
    {
        var now = clock.GetUtcNow();
        if (next != pulled.Read || pulled.ReachedAt is null)
        {
            return new PullCursor(next with { Settled = false }, now);
        }

        var settled = pulled.Read.Settled || now - pulled.ReachedAt.Value >= options.SettleTime;
        return pulled with { Read = pulled.Read with { Settled = settled } };
    }

    /// <summary>Records applied to the cache per transaction: a commit per record dominated large pulls.</summary>
    internal const int ApplyRun = 500;

    private async Task<(ReadCursor Next, int Read, int Problems)> Drain<T>(
        IAsyncEnumerable<CrmChange<T>> changes, string phase, ReadCursor cursor, Func<IReadOnlyList<CrmChange<T>>, CancellationToken, Task> apply, CancellationToken ct)
        where T : class
    {
        int read = 0, problems = 0;
        var run = new List<CrmChange<T>>(ApplyRun);
        progress.Report(new ProgressUpdate(operation, phase, 0, null));
        await foreach (var change in changes.WithCancellation(ct).ConfigureAwait(false))
        {
            run.Add(change);
            read++;
            progress.Report(new ProgressUpdate(operation, phase, read, null));
            foreach (var problem in change.Problems)
            {
                problems++;
                LogProblem(logger, problem.RecordId, problem.Field, problem.Value, problem.Message, change.KeptAside ? "kept aside" : "read without it");
            }

            if (cursor.IsBefore(change.ModifiedAt, change.Id))
            {
                cursor = new ReadCursor(change.ModifiedAt, change.Id);
            }

            if (run.Count == ApplyRun)
            {
                await apply(run, ct).ConfigureAwait(false);
                run = new List<CrmChange<T>>(ApplyRun);
            }
        }

        if (run.Count > 0)
        {
            await apply(run, ct).ConfigureAwait(false);
        }

        return (cursor, read, problems);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} record(s) kept aside after the pull (their account is not held, or they could not be cached); `problems list --open` names them")]
    private static partial void LogReviewed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable CRM value: record {RecordId} field {Field} value '{Value}' {Problem} ({Handling})")]
    private static partial void LogProblem(ILogger logger, string recordId, string field, string? value, string problem, string handling);
}

/// <summary>What a pull read: the cursors to save once the cycle is durable, counts, and cached records swept away.</summary>
internal sealed record PullResult(Dictionary<CrmObject, PullCursor> Cursors, int Read, int Problems, int Removed);
