using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>Accounts whose inputs changed since they were last evaluated.</summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>The accounts marked changed by an upsert or delete and not cleared since, by id.</summary>
    public Task<IReadOnlyList<string>> DirtyAccountsAsync(CancellationToken cancellationToken) =>
        UseAsync(
            async c => (IReadOnlyList<string>)await c.ListAsync<string>(
                "SELECT account_id FROM dirty_accounts ORDER BY account_id", null, null, cancellationToken).ConfigureAwait(false),
            cancellationToken);

    /// <summary>
    /// Clears the changed mark of the given accounts (after they were evaluated and their writes settled), and stamps the
    /// admins' resolutions that evaluation acted on.
    /// </summary>
    public Task ClearDirtyAsync(IEnumerable<string> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var now = Now();
        var rows = accountIds.Select(id => new { Id = id, Now = now }).ToList();
        return InTransactionAsync(
            async (c, tx) =>
            {
                await MarkResolutionsAppliedAsync(c, tx, rows, cancellationToken).ConfigureAwait(false);
                return await c.ExecAsync("DELETE FROM dirty_accounts WHERE account_id = @Id", rows, tx, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    private Task<int> MarkDirtyAsync(SqliteConnection c, SqliteTransaction tx, string accountId, CancellationToken ct) =>
        c.ExecAsync(
            """
            INSERT INTO dirty_accounts (account_id, marked_at) VALUES (@Id, @Now)
            ON CONFLICT (account_id) DO UPDATE SET marked_at = excluded.marked_at
            """,
            new { Id = accountId, Now = Now() },
            tx,
            ct);

    private async Task MarkDirtyIfAsync(SqliteConnection c, SqliteTransaction tx, string? accountId, CancellationToken ct)
    {
        if (accountId is not null)
        {
            await MarkDirtyAsync(c, tx, accountId, ct).ConfigureAwait(false);
        }
    }
}
