using CrmStateSync.Crm.Contract;
using CrmStateSync.Store.Internal;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Store;

public sealed partial class SqliteSyncStore
{
    /// <summary>Where the next incremental read of <paramref name="crmObject"/> resumes; <see cref="ReadCursor.Start"/> when never set.</summary>
    public async Task<ReadCursor> GetCursorAsync(CrmObject crmObject, CancellationToken cancellationToken) =>
        (await GetPullCursorAsync(crmObject, cancellationToken).ConfigureAwait(false)).Read;

    /// <summary>The cursor with when it was reached; <see cref="PullCursor.Start"/> when never set.</summary>
    public Task<PullCursor> GetPullCursorAsync(CrmObject crmObject, CancellationToken cancellationToken) =>
        UseAsync(
            async c =>
            {
                var row = await c.OneOrDefaultAsync<CursorRow>(
                    "SELECT modified_at AS ModifiedAt, last_id AS LastId, reached_at AS ReachedAt, settled AS Settled FROM cursors WHERE object = @Object",
                    new { Object = crmObject.ToString() },
                    null,
                    cancellationToken).ConfigureAwait(false);
                return row is null
                    ? PullCursor.Start
                    : new PullCursor(new ReadCursor(Iso.ParseInstantOrNull(row.ModifiedAt), row.LastId) { Settled = row.Settled != 0 }, Iso.ParseInstantOrNull(row.ReachedAt));
            },
            cancellationToken);

    /// <summary>Stores the cursor; call only once the cycle's work up to it is durable.</summary>
    public Task SetCursorAsync(CrmObject crmObject, ReadCursor cursor, CancellationToken cancellationToken) =>
        SetPullCursorAsync(crmObject, new PullCursor(cursor, null), cancellationToken);

    /// <summary>Stores the cursor and when it was reached; call only once the cycle's work up to it is durable.</summary>
    public Task SetPullCursorAsync(CrmObject crmObject, PullCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return UseAsync(
            c => c.ExecAsync(
                """
                INSERT INTO cursors (object, modified_at, last_id, reached_at, settled) VALUES (@Object, @ModifiedAt, @LastId, @ReachedAt, @Settled)
                ON CONFLICT (object) DO UPDATE SET modified_at = excluded.modified_at, last_id = excluded.last_id, reached_at = excluded.reached_at,
                    settled = excluded.settled
                """,
                new
                {
                    Object = crmObject.ToString(),
                    ModifiedAt = Iso.Instant(cursor.Read.ModifiedAt),
                    cursor.Read.LastId,
                    ReachedAt = Iso.Instant(cursor.ReachedAt),
                    Settled = cursor.Read.Settled ? 1 : 0,
                },
                null,
                cancellationToken),
            cancellationToken);
    }

    private sealed class CursorRow
    {
        public string? ModifiedAt { get; set; }
        public string? LastId { get; set; }
        public string? ReachedAt { get; set; }
        public long Settled { get; set; }
    }
}
