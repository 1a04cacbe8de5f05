using CrmStateSync.Crm.Contract;
using CrmStateSync.Store.Internal;
using CrmStateSync.Store.ReadModel;

namespace CrmStateSync.Store;

/// <summary>
/// The problems an admin reads (<c>problems list</c>): the problems table, and the writes the CRM refused, read from
/// the write journal where they live (each under the run that journaled its batch; a batch from before schema version 9
/// has no run, and its writes are under the run that was going when the CRM answered). A refused write is open
/// while it is still refused, closed once a later write of the account landed or replaced it.
/// </summary>
public sealed partial class SqliteSyncStore
{
    private const string ProblemColumns =
        "id AS Id, run_id AS RunId, object AS ObjectName, record_id AS RecordId, field AS Field, value AS Value, message AS Message, " +
        "kind AS Kind, kept_aside AS KeptAside, detected_at AS DetectedAt, closed_at AS ClosedAt";

    /// <summary>The run of a refused write when its batch names none (or the file predates <c>write_batches.run_id</c>): the one going when the CRM answered.</summary>
    private const string RunByTime = "(SELECT max(r.id) FROM runs r WHERE r.started_at <= e.completed_at)";

    private const string RejectedSql =
        """
        SELECT * FROM (
            SELECT e.id AS Id, {RunOf} AS RunId, e.account_id AS RecordId,
                e.values_json AS ValuesJson, e.errors_json AS ErrorsJson, e.completed_at AS DetectedAt,
                CASE WHEN e.status = 'Rejected' THEN NULL
                    ELSE coalesce((SELECT min(l.completed_at) FROM write_entries l WHERE l.account_id = e.account_id AND l.id > e.id AND l.status = 'Done'), e.completed_at) END AS ClosedAt
            FROM write_entries e JOIN write_batches b ON b.id = e.batch_id WHERE e.error_code IS NOT NULL AND e.status IN ('Rejected', 'Superseded', 'Done'))
        WHERE (@RunId IS NULL OR RunId = @RunId) AND (@OpenOnly = 0 OR ClosedAt IS NULL)
        """;

    /// <summary>
    /// The problems matching <paramref name="filter"/>, in the order they were met. A file from before the problems table
    /// (opened read-only, not migrated yet) lists its refused writes only.
    /// </summary>
    public Task<IReadOnlyList<ProblemEntry>> ListProblemsAsync(ProblemFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = new { filter.RunId, OpenOnly = filter.OpenOnly ? 1 : 0 };
        return UseAsync(
            async c =>
            {
                var hasTable = await c.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'problems')", null, null, cancellationToken).ConfigureAwait(false);
                var problems = !hasTable ? [] : await c.ListAsync<ProblemRow>(
                    $"SELECT {ProblemColumns} FROM problems WHERE (@RunId IS NULL OR run_id = @RunId) AND (@OpenOnly = 0 OR closed_at IS NULL)", args, null, cancellationToken).ConfigureAwait(false);
                var batchRuns = await c.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM pragma_table_info('write_batches') WHERE name = 'run_id')", null, null, cancellationToken).ConfigureAwait(false);
                var runOf = batchRuns ? $"coalesce(b.run_id, {RunByTime})" : RunByTime;
                var rejected = await c.ListAsync<RejectedDbRow>(RejectedSql.Replace("{RunOf}", runOf, StringComparison.Ordinal), args, null, cancellationToken).ConfigureAwait(false);
                return (IReadOnlyList<ProblemEntry>)[.. problems.Select(ToEntry).Concat(rejected.Select(r => r.ToEntry())).OrderBy(p => p.DetectedAt).ThenBy(p => p.Id)];
            },
            cancellationToken);
    }

    /// <summary>The CLI's entry for a stored problem: the console's read-model row, read by the same columns.</summary>
    private static ProblemEntry ToEntry(ProblemRow p) => new(
        p.Id, p.RunId, p.ObjectName, p.RecordId, p.Field, p.Value, p.Message, Enum.Parse<ProblemKind>(p.Kind), p.KeptAside,
        Iso.ParseInstant(p.DetectedAt), Iso.ParseInstantOrNull(p.ClosedAt));

    private sealed class RejectedDbRow
    {
        public long Id { get; set; }
        public long? RunId { get; set; }
        public string RecordId { get; set; } = "";
        public string ValuesJson { get; set; } = "{}";
        public string? ErrorsJson { get; set; }
        public string DetectedAt { get; set; } = "";
        public string? ClosedAt { get; set; }

        /// <summary>The fields the CRM named (else every field sent), their values, and the CRM's code and message.</summary>
        public ProblemEntry ToEntry()
        {
            var values = StoreJson.Read<Dictionary<string, string?>>(ValuesJson);
            var errors = ErrorsJson is null ? [] : StoreJson.Read<List<CrmError>>(ErrorsJson);
            var named = errors.SelectMany(e => e.Fields).Distinct(StringComparer.Ordinal).ToList();
            var fields = named.Count > 0 ? named : [.. values.Keys];
            var value = fields.Count == 1 && values.TryGetValue(fields[0], out var v) ? v : null;
            var message = string.Join("; ", errors.Select(e => $"{e.Code}: {e.Message}"));
            return new ProblemEntry(
                Id, RunId, nameof(CrmObject.Account), RecordId, string.Join(", ", fields), value, message, ProblemKind.Rejected, false, Iso.ParseInstant(DetectedAt), Iso.ParseInstantOrNull(ClosedAt));
        }
    }
}
