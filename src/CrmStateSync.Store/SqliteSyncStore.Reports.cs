using CrmStateSync.Rules.Model;
using CrmStateSync.Store.Internal;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>The read side for reports: a read-only open of any store file, and one read of everything reports use.</summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>
    /// Only the last-written fields reports read: divergence and time to value for every account, the six states only of
    /// the accounts that diverge (the divergence report shows them), and the entry dates of the requested stages (time to
    /// value's two). The other fields per account (reasons, verified-on dates, milestones) would only cost memory.
    /// </summary>
    private const string ReportFieldsSql =
        """
        SELECT account_id AS AccountId, field AS Field, value AS Value FROM last_written_fields
        WHERE field IN ('stage', 'divergence', 'timeToValueDays')
           OR (field LIKE 'stageEntryDate:%' AND (@AllEntryDates = 1 OR field IN @EntryDateFields))
           OR (field LIKE 'state:%' AND account_id IN (SELECT account_id FROM last_written_fields WHERE field = 'divergence' AND ifnull(value, '') <> ''))
        ORDER BY account_id, field
        """;

    /// <summary>Name and segment straight from the cached JSON, so the rest of each account's JSON is never loaded.</summary>
    private const string ReportAccountsSql =
        "SELECT id AS Id, json_extract(account_json, '$.name') AS Name, json_extract(account_json, '$.segment') AS Segment FROM accounts ORDER BY id";

    /// <summary>Transitions without their reason text and recording time (no report shows them), by date.</summary>
    private const string ReportTransitionsSql =
        "SELECT id AS Id, account_id AS AccountId, from_stage AS FromStage, to_stage AS ToStage, on_date AS OnDate, source AS Source FROM transitions ORDER BY on_date, id";

    /// <summary>The same, each account's transitions together (for a reader that keeps one account at a time).</summary>
    private const string ReportTransitionsByAccountSql =
        "SELECT id AS Id, account_id AS AccountId, from_stage AS FromStage, to_stage AS ToStage, on_date AS OnDate, source AS Source FROM transitions ORDER BY account_id, on_date, id";

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

    /// <summary>
    /// Everything the reports read, in one call (a consistent picture within one read transaction), kept small for a large
    /// org: no cached JSON, no transition reasons, and the repeated texts (account ids, stage names, field names, dates)
    /// shared rather than copied per row.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="entryDateStages">The stages whose last-written entry dates are read (null: all).</param>
    /// <param name="streamHistory">
    /// Given the accounts just read, the sink that takes the transitions one at a time, each account's together in (date,
    /// id) order; they are then not kept (<see cref="ReportData.Transitions"/> is empty). Null: they are returned, by date.
    /// </param>
    public Task<ReportData> ReadReportDataAsync(
        CancellationToken cancellationToken, IReadOnlyCollection<string>? entryDateStages = null, Func<IReadOnlyList<ReportAccount>, Action<TransitionRecord>>? streamHistory = null) =>
        UseAsync(
            async c =>
            {
                using var tx = c.BeginTransaction(deferred: true);
                var pool = new TextPool();
                var accounts = (await c.ListAsync<ReportAccountRow>(ReportAccountsSql, null, tx, cancellationToken).ConfigureAwait(false))
                    .ConvertAll(a => new ReportAccount(pool.Share(a.Id), a.Name, a.Segment is null ? null : pool.Share(a.Segment)));
                var fieldArgs = new { AllEntryDates = entryDateStages is null ? 1 : 0, EntryDateFields = (entryDateStages ?? []).Select(st => "stageEntryDate:" + st).ToArray() };
                var fields = await c.ListAsync<FieldRow>(ReportFieldsSql, fieldArgs, tx, cancellationToken).ConfigureAwait(false);
                var lastWritten = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal);
                foreach (var account in fields.GroupBy(f => f.AccountId, StringComparer.Ordinal))
                {
                    lastWritten[pool.Share(account.Key)] = account.ToDictionary(f => pool.Share(f.Field), f => f.Value is null ? null : pool.Share(f.Value), StringComparer.Ordinal);
                }

                fields.Clear();
                // Row by row: only the small records stay (or none, when a sink takes them), never the rows' texts as read.
                var records = new List<TransitionRecord>();
                var sink = streamHistory?.Invoke(accounts) ?? records.Add;
                var read = c.QueryUnbufferedAsync<TransitionDbRow>(streamHistory is null ? ReportTransitionsSql : ReportTransitionsByAccountSql, null, tx);
                await foreach (var t in read.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    sink(new TransitionRecord(
                        t.Id, pool.Share(t.AccountId), t.FromStage is null ? null : pool.Share(t.FromStage), t.ToStage is null ? null : pool.Share(t.ToStage),
                        Iso.ParseDate(t.OnDate), Enum.Parse<StageSource>(t.Source), "", default));
                }

                var runs = await c.ListAsync<RunDbRow>($"SELECT {RunColumns} FROM runs ORDER BY id DESC", null, tx, cancellationToken).ConfigureAwait(false);
                return new ReportData(OrgId, Provider, accounts, lastWritten, records, runs.ConvertAll(r => r.ToRecord()));
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

    private sealed class ReportAccountRow
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public string? Segment { get; set; }
    }

    /// <summary>One shared instance per distinct text: a million rows repeat a few thousand ids, stages and dates.</summary>
    private sealed class TextPool
    {
        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

        public string Share(string text)
        {
            if (_texts.TryGetValue(text, out var shared))
            {
                return shared;
            }

            _texts[text] = text;
            return text;
        }
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
