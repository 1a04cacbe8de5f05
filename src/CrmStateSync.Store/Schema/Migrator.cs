using Dapper;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store.Schema;

/// <summary>
/// Brings a store file to the latest schema at open, in one transaction: refuses a file from a newer version or from
/// another org or provider, applies the missing migrations and records version, org, provider and creation time.
/// </summary>
internal static class Migrator
{
    public static async Task MigrateAsync(SqliteConnection connection, StoreIdentity expected, DateTimeOffset now, CancellationToken ct)
    {
        // An up-to-date file is only read, so opening it does not wait for another connection's write transaction.
        var existing = await ReadInfoAsync(connection, null, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            Check(existing, expected);
            if (existing.Version == expected.Version)
            {
                return;
            }
        }

        using var tx = connection.BeginTransaction();
        var current = await ReadInfoAsync(connection, tx, ct).ConfigureAwait(false);
        if (current is not null)
        {
            Check(current, expected);
        }

        var version = current?.Version ?? 0;
        foreach (var migration in Migration.All.Where(m => m.Version > version))
        {
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO schema_info (singleton, version, org_id, provider, created_at)
                VALUES (1, @Version, @OrgId, @Provider, @CreatedAt)
                ON CONFLICT (singleton) DO UPDATE SET version = excluded.version
                """,
                new { migration.Version, expected.OrgId, expected.Provider, CreatedAt = Internal.Iso.Instant(now) },
                tx,
                cancellationToken: ct)).ConfigureAwait(false);
        }

        tx.Commit();
    }

    private static void Check(StoreIdentity file, StoreIdentity expected)
    {
        if (file.Version > expected.Version)
        {
            throw new StoreMismatchException(
                $"The store file has schema version {file.Version}, newer than version {expected.Version} that this build knows; " +
                "use a newer CrmStateSync or another file.");
        }

        if (!string.Equals(file.OrgId, expected.OrgId, StringComparison.Ordinal))
        {
            throw new StoreMismatchException(
                $"The store file belongs to org '{file.OrgId}', not to the configured org '{expected.OrgId}'; use another file for this org.");
        }

        if (!string.Equals(file.Provider, expected.Provider, StringComparison.Ordinal))
        {
            throw new StoreMismatchException(
                $"The store file belongs to provider '{file.Provider}', not to the configured provider '{expected.Provider}'; use another file.");
        }
    }

    private static async Task<StoreIdentity?> ReadInfoAsync(SqliteConnection connection, SqliteTransaction? tx, CancellationToken ct)
    {
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_info'", transaction: tx, cancellationToken: ct)).ConfigureAwait(false);
        if (exists == 0)
        {
            return null;
        }

        var row = await connection.QuerySingleOrDefaultAsync<InfoRow>(new CommandDefinition(
            "SELECT version AS Version, org_id AS OrgId, provider AS Provider FROM schema_info WHERE singleton = 1",
            transaction: tx,
            cancellationToken: ct)).ConfigureAwait(false);
        return row is null ? null : new StoreIdentity(row.Version, row.OrgId, row.Provider);
    }

    private sealed class InfoRow
    {
        public int Version { get; set; }
        public string OrgId { get; set; } = "";
        public string Provider { get; set; } = "";
    }
}

/// <summary>What a store file belongs to: schema version, org id and provider.</summary>
internal sealed record StoreIdentity(int Version, string OrgId, string Provider);
