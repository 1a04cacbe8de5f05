using System.Text.Json;
using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>The read side for reports: a read-only open of any store file, and one read of everything reports use.</summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>
    /// Only the last-written fields reports read (stage, divergence, time to value, states, entry dates): the other
    /// two dozen per account (reasons, verified-on dates, milestones) would only cost memory on a large org.
    /// </summary>
    private const string ReportFieldsSql =
        """
        SELECT account_id AS AccountId, field AS Field, value AS Value FROM last_written_fields
        WHERE field IN ('stage', 'divergence', 'timeToValueDays') OR field LIKE 'state:%' OR field LIKE 'stageEntryDate:%'
        ORDER BY account_id, field
        """;

    /// <summary>
    /// Opens an existing store file read-only, whatever org it belongs to (an admin may point a report at the demo's
    /// file): nothing is migrated or created. Throws <see cref="StoreMismatchException"/> when the file is not a store or
    /// has a newer schema than this build knows. The caller checks the file exists (SQLite would report it less clearly).
    /// </summary>
    public static async Task<SqliteSyncStore> OpenReadOnlyAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var info = await ReadIdentityAsync(connection, path, cancellationToken).ConfigureAwait(false);
            return new SqliteSyncStore(connection, new SyncStoreOptions(), TimeProvider.System, info.OrgId, info.Provider);
        }
        catch (Exception ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            if (StoreUnusableException.IsStoreProblem(ex))
            {
                throw StoreUnusableException.For(path, ex);
            }

            throw;
        }
    }

    /// <summary>Everything the reports read, in one call (a consistent picture within one read transaction).</summary>
    public Task<ReportData> ReadReportDataAsync(CancellationToken cancellationToken) =>
        UseAsync(
            async c =>
            {
                using var tx = c.BeginTransaction(deferred: true);
                var accounts = await c.ListAsync<AccountRow>("SELECT id AS Id, account_json AS Json FROM accounts ORDER BY id", null, tx, cancellationToken).ConfigureAwait(false);
                var fields = await c.ListAsync<FieldRow>(ReportFieldsSql, null, tx, cancellationToken).ConfigureAwait(false);
                var transitions = await c.ListAsync<TransitionDbRow>($"SELECT {TransitionColumns} FROM transitions ORDER BY on_date, id", null, tx, cancellationToken).ConfigureAwait(false);
                var runs = await c.ListAsync<RunDbRow>($"SELECT {RunColumns} FROM runs ORDER BY id DESC", null, tx, cancellationToken).ConfigureAwait(false);
                return new ReportData(
                    OrgId,
                    Provider,
                    accounts.ConvertAll(a => a.ToAccount()),
                    fields.GroupBy(f => f.AccountId, StringComparer.Ordinal).ToDictionary(
                        g => g.Key, g => (IReadOnlyDictionary<string, string?>)g.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal), StringComparer.Ordinal),
                    transitions.ConvertAll(r => r.ToRecord()),
                    runs.ConvertAll(r => r.ToRecord()));
            },
            cancellationToken);

    private static async Task<(string OrgId, string Provider)> ReadIdentityAsync(SqliteConnection c, string path, CancellationToken ct)
    {
        var hasInfo = await c.ScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_info'", null, null, ct).ConfigureAwait(false);
        var row = hasInfo == 0 ? null : await c.OneOrDefaultAsync<IdentityRow>(
            "SELECT version AS Version, org_id AS OrgId, provider AS Provider FROM schema_info WHERE singleton = 1", null, null, ct).ConfigureAwait(false);
        if (row is null)
        {
            throw new StoreMismatchException($"The file {path} is not a CrmStateSync store (it has no schema_info).");
        }

        if (row.Version > SchemaVersion)
        {
            throw new StoreMismatchException(
                $"The store file has schema version {row.Version}, newer than version {SchemaVersion} that this build knows; use a newer CrmStateSync.");
        }

        return (row.OrgId, row.Provider);
    }

    private sealed class AccountRow
    {
        public string Id { get; set; } = "";
        public string Json { get; set; } = "{}";

        /// <summary>Only the name and segment are read; the rest of the cached JSON is the rules' business.</summary>
        public ReportAccount ToAccount()
        {
            using var doc = JsonDocument.Parse(Json);
            return new ReportAccount(Id, Text(doc.RootElement, "name"), Text(doc.RootElement, "segment"));
        }

        private static string? Text(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    private sealed class FieldRow
    {
        public string AccountId { get; set; } = "";
        public string Field { get; set; } = "";
        public string? Value { get; set; }
    }

    private sealed class IdentityRow
    {
        public int Version { get; set; }
        public string OrgId { get; set; } = "";
        public string Provider { get; set; } = "";
    }
}
