using CrmStateSync.Crm.Contract;
using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>
/// A run of changed records applied to the cache in one transaction. One transaction per record cost most of a large
/// pull's time (a commit per row); a run is all-or-nothing, and re-applying it after a crash changes nothing, because
/// the read cursor moves only once the cycle is durable.
/// </summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>Upserts the accounts and deletes the deleted ones; returns how many changed the cache.</summary>
    public Task<int> ApplyAccountsAsync(IReadOnlyList<CrmChange<AccountRecord>> changes, CancellationToken cancellationToken) =>
        ApplyAllAsync(CrmObject.Account, changes, (c, tx, change, ct) => UpsertAccountRowAsync(c, tx, change.Record!, change.ModifiedAt, ct), cancellationToken);

    /// <summary>Upserts the opportunities and deletes the deleted ones; returns how many changed the cache.</summary>
    public Task<int> ApplyOpportunitiesAsync(IReadOnlyList<CrmChange<OpportunityRecord>> changes, CancellationToken cancellationToken) =>
        ApplyAllAsync(
            CrmObject.Opportunity,
            changes,
            (c, tx, change, ct) => UpsertChildAsync(c, tx, ChildTable.Opportunities, ChildOf(change.Record!.Opportunity.Id, change.Record.AccountId, change.ModifiedAt, change.Record.Opportunity), ct),
            cancellationToken);

    /// <summary>Upserts the contacts and deletes the deleted ones; returns how many changed the cache.</summary>
    public Task<int> ApplyContactsAsync(IReadOnlyList<CrmChange<ContactRecord>> changes, CancellationToken cancellationToken) =>
        ApplyAllAsync(
            CrmObject.Contact,
            changes,
            (c, tx, change, ct) => UpsertChildAsync(c, tx, ChildTable.Contacts, ChildOf(change.Record!.Contact.Id, change.Record.AccountId, change.ModifiedAt, change.Record.Contact), ct),
            cancellationToken);

    /// <summary>Upserts the usage rows (unknown accounts' rows kept aside) and deletes the deleted ones.</summary>
    public Task<int> ApplyUsageAsync(IReadOnlyList<CrmChange<UsageRecord>> changes, CancellationToken cancellationToken) =>
        ApplyAllAsync(
            CrmObject.Usage,
            changes,
            async (c, tx, change, ct) =>
            {
                var r = change.Record!;
                var outcome = await UpsertUsageRowAsync(c, tx, UsageDbRow.From(r.Id, r.AccountId, r.Usage, change.ModifiedAt), ct).ConfigureAwait(false);
                return outcome != UsageUpsert.Unchanged;
            },
            cancellationToken);

    private static ChildRow ChildOf<T>(string id, string accountId, DateTimeOffset modifiedAt, T record) =>
        new(id, accountId, Iso.Instant(modifiedAt), StoreJson.Write(record));

    private Task<int> ApplyAllAsync<T>(
        CrmObject kind, IReadOnlyList<CrmChange<T>> changes, Func<SqliteConnection, SqliteTransaction, CrmChange<T>, CancellationToken, Task<bool>> upsert, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(changes);
        return InTransactionAsync(
            async (c, tx) =>
            {
                await NoteSeenAsync(c, tx, kind, changes, ct).ConfigureAwait(false);
                var track = await AnyOpenProblemAsync(c, tx, kind, ct).ConfigureAwait(false);
                var changed = 0;
                foreach (var change in changes)
                {
                    var (applied, problems) = await ApplyOneAsync(c, tx, kind, change, upsert, ct).ConfigureAwait(false);
                    changed += applied ? 1 : 0;
                    if (track || problems.Count > 0)
                    {
                        await NoteProblemsAsync(c, tx, kind, change.Id, problems, ct).ConfigureAwait(false);
                    }
                }

                return changed;
            },
            ct);
    }

    /// <summary>
    /// One change: deleted → removed; kept aside → a child's bad copy is not cached (the last good copy, if any, stays
    /// where it was, so its account is evaluated as if the bad edit had not happened: evaluating without it would stamp
    /// entry dates a fix cannot take back), an account is cached but held from evaluation; else upserted. An exception
    /// while caching one record (not a failure of the store itself) is that record's problem: it is kept aside, the run goes on.
    /// </summary>
    private async Task<(bool Applied, List<NewProblem> Problems)> ApplyOneAsync<T>(
        SqliteConnection c, SqliteTransaction tx, CrmObject kind, CrmChange<T> change, Func<SqliteConnection, SqliteTransaction, CrmChange<T>, CancellationToken, Task<bool>> upsert, CancellationToken ct)
        where T : class
    {
        var problems = ProblemsOf(kind, change);
        if (change.Deleted)
        {
            return (await DeleteRowAsync(c, tx, kind, change.Id, ct).ConfigureAwait(false), problems);
        }

        if (change.KeptAside && kind != CrmObject.Account)
        {
            return (false, problems);
        }

        try
        {
            return (change.Record is not null && await upsert(c, tx, change, ct).ConfigureAwait(false), problems);
        }
        catch (Exception ex) when (ex is not SqliteException and not OperationCanceledException)
        {
            _cacheFailures++;
            problems.Add(new NewProblem(kind.ToString(), change.Id, "(record)", null, "could not be cached: " + ex.Message, ProblemKind.Failed, true));
            return (false, problems);
        }
    }
}
