using CrmStateSync.Crm.Contract;
using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store;

public sealed partial class SqliteSyncStore
{
    /// <summary>Where the next incremental read of <paramref name="crmObject"/> resumes; <see cref="ReadCursor.Start"/> when never set.</summary>
    public Task<ReadCursor> GetCursorAsync(CrmObject crmObject, CancellationToken cancellationToken) =>
        UseAsync(
            async c =>
            {
                var row = await c.OneOrDefaultAsync<CursorRow>(
                    "SELECT modified_at AS ModifiedAt, last_id AS LastId FROM cursors WHERE object = @Object",
                    new { Object = crmObject.ToString() },
                    null,
                    cancellationToken).ConfigureAwait(false);
                return row is null ? ReadCursor.Start : new ReadCursor(Iso.ParseInstantOrNull(row.ModifiedAt), row.LastId);
            },
            cancellationToken);

    /// <summary>Stores the cursor; call only once the cycle's work up to it is durable.</summary>
    public Task SetCursorAsync(CrmObject crmObject, ReadCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        return UseAsync(
            c => c.ExecAsync(
                """
                INSERT INTO cursors (object, modified_at, last_id) VALUES (@Object, @ModifiedAt, @LastId)
                ON CONFLICT (object) DO UPDATE SET modified_at = excluded.modified_at, last_id = excluded.last_id
                """,
                new { Object = crmObject.ToString(), ModifiedAt = Iso.Instant(cursor.ModifiedAt), cursor.LastId },
                null,
                cancellationToken),
            cancellationToken);
    }

    private sealed class CursorRow
    {
        public string? ModifiedAt { get; set; }
        public string? LastId { get; set; }
    }
}
