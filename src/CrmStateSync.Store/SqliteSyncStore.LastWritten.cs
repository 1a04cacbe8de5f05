using CrmStateSync.Rules.Model;
using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>What the worker itself last wrote: per account the stage (source, date), per account and field the value as text.</summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>The worker's own last stage write for the account, or null when it never wrote one.</summary>
    public Task<LastWritten?> GetLastWrittenAsync(string accountId, CancellationToken cancellationToken) =>
        UseAsync(c => ReadLastWrittenAsync(c, null, accountId, cancellationToken), cancellationToken);

    /// <summary>
    /// Records the worker's own last stage decision without a journaled write (for example a validated manual move
    /// that the worker accepts). Writes that go to the CRM update it through <see cref="CompleteBatchAsync"/>.
    /// </summary>
    public Task SetLastWrittenAsync(string accountId, LastWritten lastWritten, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lastWritten);
        return InTransactionAsync((c, tx) => WriteLastWrittenAsync(c, tx, accountId, lastWritten, cancellationToken), cancellationToken);
    }

    /// <summary>The last value the worker wrote per field (text as <see cref="Sync.Diff.FieldText.Of"/> renders it) for the account.</summary>
    public Task<IReadOnlyDictionary<string, string?>> GetLastWrittenValuesAsync(string accountId, CancellationToken cancellationToken) =>
        UseAsync(
            async c =>
            {
                var rows = await c.ListAsync<FieldValueRow>(
                    "SELECT field AS Field, value AS Value FROM last_written_fields WHERE account_id = @AccountId ORDER BY field",
                    new { AccountId = accountId },
                    null,
                    cancellationToken).ConfigureAwait(false);
                return (IReadOnlyDictionary<string, string?>)rows.ToDictionary(r => r.Field, r => r.Value, StringComparer.Ordinal);
            },
            cancellationToken);

    private static async Task<LastWritten?> ReadLastWrittenAsync(SqliteConnection c, SqliteTransaction? tx, string accountId, CancellationToken ct)
    {
        var row = await c.OneOrDefaultAsync<StageRow>(
            "SELECT stage AS Stage, source AS Source, set_on AS SetOn FROM last_written_stage WHERE account_id = @AccountId",
            new { AccountId = accountId },
            tx,
            ct).ConfigureAwait(false);
        return row is null
            ? null
            : new LastWritten { Stage = row.Stage, StageSource = Enum.Parse<StageSource>(row.Source), StageSetOn = Iso.ParseDateOrNull(row.SetOn) };
    }

    private static Task<int> WriteLastWrittenAsync(SqliteConnection c, SqliteTransaction tx, string accountId, LastWritten lastWritten, CancellationToken ct) =>
        c.ExecAsync(
            """
            INSERT INTO last_written_stage (account_id, stage, source, set_on) VALUES (@AccountId, @Stage, @Source, @SetOn)
            ON CONFLICT (account_id) DO UPDATE SET stage = excluded.stage, source = excluded.source, set_on = excluded.set_on
            """,
            new { AccountId = accountId, lastWritten.Stage, Source = lastWritten.StageSource.ToString(), SetOn = Iso.Date(lastWritten.StageSetOn) },
            tx,
            ct);

    private Task<int> WriteLastValuesAsync(SqliteConnection c, SqliteTransaction tx, string accountId, IReadOnlyDictionary<string, string?> values, CancellationToken ct) =>
        c.ExecAsync(
            """
            INSERT INTO last_written_fields (account_id, field, value, written_at) VALUES (@AccountId, @Field, @Value, @Now)
            ON CONFLICT (account_id, field) DO UPDATE SET value = excluded.value, written_at = excluded.written_at
            """,
            values.Select(v => new { AccountId = accountId, Field = v.Key, v.Value, Now = Now() }).ToList(),
            tx,
            ct);

    private sealed class StageRow
    {
        public string? Stage { get; set; }
        public string Source { get; set; } = "";
        public string? SetOn { get; set; }
    }

    private sealed class FieldValueRow
    {
        public string Field { get; set; } = "";
        public string? Value { get; set; }
    }
}
