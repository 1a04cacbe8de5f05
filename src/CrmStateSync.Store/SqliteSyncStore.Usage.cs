using CrmStateSync.Crm.Contract;
using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>Usage rows in the input cache, and the rows kept aside for unknown accounts.</summary>
public sealed partial class SqliteSyncStore
{
    private const string UsageValues = "(@Id, @AccountId, @Date, @ModifiedAt, @ActiveUsers, @ValueActions, @CoreEvents, @MetricsJson)";
    private const string UsageColumns = "(id, account_id, date, modified_at, active_users, value_actions, core_events, metrics_json)";
    private const string UsageUpdate =
        "account_id = excluded.account_id, date = excluded.date, modified_at = excluded.modified_at, active_users = excluded.active_users, " +
        "value_actions = excluded.value_actions, core_events = excluded.core_events, metrics_json = excluded.metrics_json";

    /// <summary>
    /// Stores a usage row under its account and marks the account changed. A row for an account not in the cache is
    /// kept aside (not lost) and adopted when the account arrives; a row dated within the account's pruned period is
    /// not stored again (its totals are in the carry row).
    /// </summary>
    public Task<UsageUpsert> UpsertUsageAsync(UsageRecord record, DateTimeOffset modifiedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var row = UsageDbRow.From(record.Id, record.AccountId, record.Usage, modifiedAt);
        return InTransactionAsync((c, tx) => UpsertUsageRowAsync(c, tx, row, cancellationToken), cancellationToken);
    }

    /// <summary>The usage rows kept aside because their account is not in the cache, oldest first.</summary>
    public Task<IReadOnlyList<OrphanUsage>> OrphanUsageAsync(CancellationToken cancellationToken) =>
        UseAsync(
            async c =>
            {
                var rows = await c.ListAsync<UsageDbRow>(
                    $"SELECT {UsageDbRow.Columns}, received_at AS ReceivedAt FROM usage_orphans ORDER BY received_at, id", null, null, cancellationToken).ConfigureAwait(false);
                return (IReadOnlyList<OrphanUsage>)rows.ConvertAll(r => new OrphanUsage(r.Id, r.AccountId, r.ToUsage(), Iso.ParseInstant(r.ReceivedAt!)));
            },
            cancellationToken);

    private async Task<UsageUpsert> UpsertUsageRowAsync(SqliteConnection c, SqliteTransaction tx, UsageDbRow row, CancellationToken ct)
    {
        var known = await c.ScalarAsync<long>("SELECT count(*) FROM accounts WHERE id = @AccountId", row, tx, ct).ConfigureAwait(false);
        var previousAccount = await c.ScalarAsync<string>("SELECT account_id FROM usage WHERE id = @Id", row, tx, ct).ConfigureAwait(false);
        if (known == 0)
        {
            await c.ExecAsync(
                $"""
                DELETE FROM usage WHERE id = @Id;
                INSERT INTO usage_orphans {UsageColumns[..^1]}, received_at) VALUES {UsageValues[..^1]}, @Now)
                ON CONFLICT (id) DO UPDATE SET {UsageUpdate} WHERE excluded.modified_at >= usage_orphans.modified_at
                """,
                new { row.Id, row.AccountId, row.Date, row.ModifiedAt, row.ActiveUsers, row.ValueActions, row.CoreEvents, row.MetricsJson, Now = Now() },
                tx,
                ct).ConfigureAwait(false);
            await MarkDirtyIfAsync(c, tx, previousAccount, ct).ConfigureAwait(false);
            return UsageUpsert.Orphaned;
        }

        var carriedThrough = await c.ScalarAsync<string>("SELECT pruned_through FROM usage_carry WHERE account_id = @AccountId", row, tx, ct).ConfigureAwait(false);
        if (carriedThrough is not null && string.CompareOrdinal(row.Date, carriedThrough) <= 0 && previousAccount is null)
        {
            return UsageUpsert.AlreadyCarried;
        }

        var changed = await c.ExecAsync(
            $"""
            DELETE FROM usage_orphans WHERE id = @Id;
            INSERT INTO usage {UsageColumns} VALUES {UsageValues}
            ON CONFLICT (id) DO UPDATE SET {UsageUpdate} WHERE excluded.modified_at > usage.modified_at OR (excluded.modified_at = usage.modified_at
                AND (excluded.account_id, excluded.date, excluded.active_users, excluded.value_actions, excluded.core_events, excluded.metrics_json)
                    IS NOT (usage.account_id, usage.date, usage.active_users, usage.value_actions, usage.core_events, usage.metrics_json))
            """,
            row,
            tx,
            ct).ConfigureAwait(false);
        if (changed == 0)
        {
            return UsageUpsert.Unchanged;
        }

        await MarkDirtyAsync(c, tx, row.AccountId, ct).ConfigureAwait(false);
        await MarkDirtyIfAsync(c, tx, previousAccount != row.AccountId ? previousAccount : null, ct).ConfigureAwait(false);
        return UsageUpsert.Stored;
    }

    private async Task<bool> DeleteUsageAsync(SqliteConnection c, SqliteTransaction tx, string id, CancellationToken ct)
    {
        var accountId = await c.ScalarAsync<string>("DELETE FROM usage WHERE id = @Id RETURNING account_id", new { Id = id }, tx, ct).ConfigureAwait(false);
        var orphans = await c.ExecAsync("DELETE FROM usage_orphans WHERE id = @Id", new { Id = id }, tx, ct).ConfigureAwait(false);
        await MarkDirtyIfAsync(c, tx, accountId, ct).ConfigureAwait(false);
        return accountId is not null || orphans > 0;
    }

    /// <summary>Moves the rows kept aside for an account into the cache once the account is known; returns how many.</summary>
    private static Task<int> AdoptOrphansAsync(SqliteConnection c, SqliteTransaction tx, string accountId, CancellationToken ct) =>
        c.ExecAsync(
            $"""
            INSERT INTO usage {UsageColumns}
            SELECT id, account_id, date, modified_at, active_users, value_actions, core_events, metrics_json
            FROM usage_orphans WHERE account_id = @AccountId
            ON CONFLICT (id) DO UPDATE SET {UsageUpdate} WHERE excluded.modified_at >= usage.modified_at;
            DELETE FROM usage_orphans WHERE account_id = @AccountId;
            """,
            new { AccountId = accountId },
            tx,
            ct);
}
