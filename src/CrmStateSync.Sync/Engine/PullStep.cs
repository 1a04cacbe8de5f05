using CrmStateSync.Crm.Contract;
using CrmStateSync.Sync.Ports;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Sync.Engine;

/// <summary>sync.md step 1: read what changed since each object's cursor into the cache; the new cursors are returned,
/// not saved — they advance only once the cycle's work is durable.</summary>
internal sealed partial class PullStep(ICrmConnector crm, ISyncStore store, SyncOptions options, TimeProvider clock, ILogger logger)
{
    public async Task<(Dictionary<CrmObject, PullCursor> Cursors, int Read, int Problems)> RunAsync(CancellationToken ct)
    {
        var cursors = new Dictionary<CrmObject, PullCursor>();
        int read = 0, problems = 0;
        foreach (var kind in Enum.GetValues<CrmObject>())
        {
            var pulled = await store.GetCursorAsync(kind, ct).ConfigureAwait(false);
            var cursor = pulled.Read;
            var (next, count, bad) = kind switch
            {
                CrmObject.Account => await Drain(crm.ReadAccountsAsync(cursor, ct), cursor, store.ApplyAsync, ct).ConfigureAwait(false),
                CrmObject.Opportunity => await Drain(crm.ReadOpportunitiesAsync(cursor, ct), cursor, store.ApplyAsync, ct).ConfigureAwait(false),
                CrmObject.Contact => await Drain(crm.ReadContactsAsync(cursor, ct), cursor, store.ApplyAsync, ct).ConfigureAwait(false),
                _ => await Drain(crm.ReadUsageAsync(cursor, ct), cursor, store.ApplyAsync, ct).ConfigureAwait(false),
            };
            cursors[kind] = Advance(pulled, next);
            read += count;
            problems += bad;
        }

        return (cursors, read, problems);
    }

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
        IAsyncEnumerable<CrmChange<T>> changes, ReadCursor cursor, Func<IReadOnlyList<CrmChange<T>>, CancellationToken, Task> apply, CancellationToken ct)
        where T : class
    {
        int read = 0, problems = 0;
        var run = new List<CrmChange<T>>(ApplyRun);
        await foreach (var change in changes.WithCancellation(ct).ConfigureAwait(false))
        {
            run.Add(change);
            read++;
            foreach (var problem in change.Problems)
            {
                problems++;
                LogProblem(logger, problem.RecordId, problem.Field, problem.Value, problem.Message);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable CRM value: record {RecordId} field {Field} value '{Value}' {Problem}")]
    private static partial void LogProblem(ILogger logger, string recordId, string field, string? value, string problem);
}
