using CrmStateSync.Store.Internal;
using CrmStateSync.Store.Retention;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>
/// Usage retention: rows older than <see cref="SyncStoreOptions.UsageRetention"/> before an account's newest usage date
/// are folded into one carry row per account, so the file grows with accounts, not years (see <see cref="UsageCarry"/>).
/// </summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>Prunes every account's usage beyond the retention window; returns how many rows were folded into carries.</summary>
    public async Task<int> PruneUsageAsync(CancellationToken cancellationToken)
    {
        var candidates = await UseAsync(
            c => c.ListAsync<string>(
                "SELECT account_id FROM usage GROUP BY account_id HAVING min(date) < date(max(date), @Offset) ORDER BY account_id",
                new { Offset = $"-{RetentionDays} days" },
                null,
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var pruned = 0;
        foreach (var accountId in candidates)
        {
            pruned += await PruneUsageAsync(accountId, cancellationToken).ConfigureAwait(false);
        }

        return pruned;
    }

    /// <summary>Prunes one account's usage beyond the retention window, in one transaction; returns the rows folded.</summary>
    public Task<int> PruneUsageAsync(string accountId, CancellationToken cancellationToken) =>
        InTransactionAsync((c, tx) => PruneAsync(c, tx, accountId, cancellationToken), cancellationToken);

    private int RetentionDays => (int)_options.UsageRetention.TotalDays;

    private async Task<int> PruneAsync(SqliteConnection c, SqliteTransaction tx, string accountId, CancellationToken ct)
    {
        var rows = await c.ListAsync<UsageDbRow>($"SELECT {UsageDbRow.Columns} FROM usage WHERE account_id = @AccountId", new { AccountId = accountId }, tx, ct).ConfigureAwait(false);
        var prune = RetentionPlan.RowsToPrune(rows.ConvertAll(r => (r.Id, r.ToUsage())), RetentionDays);
        if (prune.Count == 0)
        {
            return 0;
        }

        var carry = UsageCarry.Fold(await ReadCarryAsync(c, tx, accountId, ct).ConfigureAwait(false), prune.ConvertAll(p => p.Row));
        await c.ExecAsync("DELETE FROM usage WHERE id = @Id", prune.ConvertAll(p => new { p.Id }), tx, ct).ConfigureAwait(false);
        await c.ExecAsync(
            """
            INSERT INTO usage_carry (account_id, earliest_date, first_active_on, value_actions, core_events, metrics_json, pruned_through, rows_pruned)
            VALUES (@AccountId, @EarliestDate, @FirstActiveOn, @ValueActions, @CoreEvents, @MetricsJson, @PrunedThrough, @RowsPruned)
            ON CONFLICT (account_id) DO UPDATE SET earliest_date = excluded.earliest_date, first_active_on = excluded.first_active_on,
                value_actions = excluded.value_actions, core_events = excluded.core_events, metrics_json = excluded.metrics_json,
                pruned_through = excluded.pruned_through, rows_pruned = excluded.rows_pruned
            """,
            CarryDbRow.From(accountId, carry),
            tx,
            ct).ConfigureAwait(false);
        return prune.Count;
    }

    private static async Task<UsageCarry?> ReadCarryAsync(SqliteConnection c, SqliteTransaction? tx, string accountId, CancellationToken ct)
    {
        var row = await c.OneOrDefaultAsync<CarryDbRow>(
            $"SELECT {CarryDbRow.Columns} FROM usage_carry WHERE account_id = @AccountId", new { AccountId = accountId }, tx, ct).ConfigureAwait(false);
        return row?.ToCarry();
    }
}
