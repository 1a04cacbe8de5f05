using CrmStateSync.Crm.Contract;
using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>
/// The sweep of a reconciliation read (sync.md "drift detection"): while an object is read in full, the ids applied
/// are remembered (in a temporary table of this connection, so a 10-million-row usage object does not need 10 million
/// strings in memory); at the end, cached records the full read did not return — deletions a cursor missed — are
/// removed like any deletion, their accounts marked changed. A crash loses the temporary table and the sweep simply
/// runs again, because the reconciliation is recorded as done only after the cycle commits.
/// </summary>
public sealed partial class SqliteSyncStore
{
    private readonly HashSet<CrmObject> _sweeping = [];

    /// <summary>Starts remembering the ids applied for <paramref name="crmObject"/> (a full read is about to begin).</summary>
    public Task BeginSweepAsync(CrmObject crmObject, CancellationToken cancellationToken) =>
        UseAsync(
            async c =>
            {
                await c.ExecAsync(
                    """
                    CREATE TEMP TABLE IF NOT EXISTS sweep_seen (object TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (object, id)) WITHOUT ROWID;
                    DELETE FROM temp.sweep_seen WHERE object = @Object;
                    """,
                    new { Object = crmObject.ToString() },
                    null,
                    cancellationToken).ConfigureAwait(false);
                _sweeping.Add(crmObject);
                return 0;
            },
            cancellationToken);

    /// <summary>Removes the cached records of <paramref name="crmObject"/> the full read did not return; returns how many.</summary>
    public Task<int> EndSweepAsync(CrmObject crmObject, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (c, tx) =>
            {
                if (!_sweeping.Remove(crmObject))
                {
                    throw new InvalidOperationException($"No sweep of {crmObject} was begun");
                }

                var unseen = await c.ListAsync<string>(
                    $"SELECT id FROM {SweptTable(crmObject)} WHERE id NOT IN (SELECT id FROM temp.sweep_seen WHERE object = @Object)",
                    new { Object = crmObject.ToString() },
                    tx,
                    cancellationToken).ConfigureAwait(false);
                foreach (var id in unseen)
                {
                    await DeleteRowAsync(c, tx, crmObject, id, cancellationToken).ConfigureAwait(false);
                }

                await c.ExecAsync("DELETE FROM temp.sweep_seen WHERE object = @Object", new { Object = crmObject.ToString() }, tx, cancellationToken).ConfigureAwait(false);
                return unseen.Count;
            },
            cancellationToken);

    /// <summary>Remembers the ids of a run being applied, when its object is being swept.</summary>
    private async Task NoteSeenAsync<T>(SqliteConnection c, SqliteTransaction tx, CrmObject crmObject, IReadOnlyList<CrmChange<T>> changes, CancellationToken ct)
        where T : class
    {
        if (_sweeping.Contains(crmObject))
        {
            var rows = changes.Where(ch => !ch.Deleted).Select(ch => new { Object = crmObject.ToString(), ch.Id }).ToList();
            await c.ExecAsync("INSERT OR IGNORE INTO temp.sweep_seen (object, id) VALUES (@Object, @Id)", rows, tx, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The cache table of an object (usage rows kept aside for unknown accounts are swept too).</summary>
    private static string SweptTable(CrmObject crmObject) => crmObject switch
    {
        CrmObject.Account => "accounts",
        CrmObject.Opportunity => "opportunities",
        CrmObject.Contact => "contacts",
        _ => "(SELECT id FROM usage UNION ALL SELECT id FROM usage_orphans)",
    };
}
