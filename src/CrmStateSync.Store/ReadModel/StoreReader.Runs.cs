using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store.ReadModel;

/// <summary>One run's page: its row, the problems it met and the writes the CRM refused during it.</summary>
public sealed partial class StoreReader
{
    /// <summary>
    /// The account a problem's record belongs to: an account is its own; an opportunity, contact or usage row names its
    /// account when the cache holds both; otherwise null (a child whose account is unknown has no account page).
    /// </summary>
    private const string ProblemAccount =
        """
        CASE p.object WHEN 'Account' THEN p.record_id
            WHEN 'Opportunity' THEN (SELECT o.account_id FROM opportunities o JOIN accounts a ON a.id = o.account_id WHERE o.id = p.record_id)
            WHEN 'Contact' THEN (SELECT o.account_id FROM contacts o JOIN accounts a ON a.id = o.account_id WHERE o.id = p.record_id)
            WHEN 'Usage' THEN (SELECT u.account_id FROM usage u WHERE u.id = p.record_id) END
        """;

    private const string RejectedColumns =
        """
        e.id AS Id, e.account_id AS AccountId, json_extract(a.account_json, '$.name') AS AccountName, e.status AS Status,
        e.values_json AS ValuesJson, e.errors_json AS ErrorsJson, e.error_code AS ErrorCode, e.error_message AS ErrorMessage, e.completed_at AS CompletedAt
        """;

    /// <summary>
    /// The refused writes of the batches the run journaled (schema version 9 on). The batches are found first (a few
    /// per run) and their entries through <c>ix_write_entries_batch</c>; left to itself SQLite walked the whole journal
    /// in id order for the ORDER BY … LIMIT.
    /// </summary>
    private const string RejectedOfRun =
        $"""
        WITH batches(id) AS MATERIALIZED (SELECT id FROM write_batches WHERE run_id = @Run)
        SELECT {RejectedColumns} FROM batches b JOIN write_entries e ON e.batch_id = b.id LEFT JOIN accounts a ON a.id = e.account_id
        WHERE e.error_code IS NOT NULL AND e.id > @After ORDER BY e.id LIMIT @Limit
        """;

    /// <summary>
    /// A batch from before version 9 names no run: its refused writes are the run's that was going when the CRM
    /// answered, as <c>problems list</c> links them. Only asked for runs no later than the first run that stamped its batches.
    /// </summary>
    private const string RejectedByTime =
        $"""
        SELECT {RejectedColumns} FROM write_batches b JOIN write_entries e ON e.batch_id = b.id LEFT JOIN accounts a ON a.id = e.account_id
        WHERE b.run_id IS NULL AND e.error_code IS NOT NULL AND e.id > @After AND (SELECT max(r.id) FROM runs r WHERE r.started_at <= e.completed_at) = @Run
        ORDER BY e.id LIMIT @Limit
        """;

    /// <summary>One run, or null.</summary>
    public Task<RunRow?> RunAsync(long id, CancellationToken ct) =>
        ReadAsync(c => c.OneOrDefaultAsync<RunRow>($"SELECT {RunRow.Columns} FROM runs WHERE id = @Id", new { Id = id }, null, ct), ct);

    /// <summary>The problems run <paramref name="runId"/> met, in the order met, <paramref name="size"/> a page, after problem <paramref name="after"/>.</summary>
    public Task<Page<ProblemRow>> RunProblemsAsync(long runId, long? after, int size, CancellationToken ct) =>
        ReadAsync(
            async c => Page.Of(
                await c.ListAsync<ProblemRow>(
                    $"""
                    SELECT p.id AS Id, p.run_id AS RunId, p.object AS ObjectName, p.record_id AS RecordId, p.field AS Field, p.value AS Value, p.message AS Message,
                        p.kind AS Kind, p.kept_aside AS KeptAside, p.detected_at AS DetectedAt, p.closed_at AS ClosedAt, {ProblemAccount} AS AccountId
                    FROM problems p WHERE p.run_id = @Run AND p.id > @After ORDER BY p.id LIMIT @Limit
                    """,
                    new { Run = runId, After = after ?? 0, Limit = size + 1 },
                    null,
                    ct).ConfigureAwait(false),
                size),
            ct);

    /// <summary>The writes the CRM refused during run <paramref name="runId"/>, in journal order, <paramref name="size"/> a page, after entry <paramref name="after"/>.</summary>
    public Task<Page<RejectedWriteRow>> RunRejectedWritesAsync(long runId, long? after, int size, CancellationToken ct) =>
        ReadAsync(
            async c =>
            {
                var args = new { Run = runId, After = after ?? 0, Limit = size + 1 };
                var rows = await c.ListAsync<RejectedWriteRow>(RejectedOfRun, args, null, ct).ConfigureAwait(false);
                // Once an earlier run has stamped its batches, this run's are all stamped too: no journal walk by time.
                var legacy = await c.ScalarAsync<bool>(
                    "SELECT NOT EXISTS (SELECT 1 FROM write_batches WHERE run_id IS NOT NULL AND run_id < @Run)", args, null, ct).ConfigureAwait(false);
                if (legacy)
                {
                    rows.AddRange(await c.ListAsync<RejectedWriteRow>(RejectedByTime, args, null, ct).ConfigureAwait(false));
                    rows = [.. rows.OrderBy(r => r.Id).Take(size + 1)];
                }

                return Page.Of(rows, size);
            },
            ct);
}
