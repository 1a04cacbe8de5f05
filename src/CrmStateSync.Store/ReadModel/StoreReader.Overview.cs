using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store.ReadModel;

/// <summary>The overview page's facts: what the org is, how the last cycles went, what waits for an admin.</summary>
public sealed partial class StoreReader
{
    /// <summary>The overview as of <paramref name="today"/> (UTC day) with the latest <paramref name="recentRuns"/> runs.</summary>
    public Task<OverviewFacts> OverviewAsync(DateOnly today, int recentRuns, CancellationToken ct) =>
        ReadAsync(
            async c =>
            {
                var head = await c.OneOrDefaultAsync<OverviewRow>(
                    """
                    SELECT s.org_id AS OrgId, s.provider AS Provider, s.version AS SchemaVersion,
                      (SELECT count(*) FROM accounts) AS Accounts,
                      (SELECT count(*) FROM conflicts WHERE action = 'Open' AND resolved_on IS NULL) AS OpenConflicts,
                      (SELECT count(*) FROM problems WHERE closed_at IS NULL) AS OpenProblems,
                      (SELECT count(*) FROM write_entries WHERE status = 'Rejected') AS RejectedWrites,
                      (SELECT ifnull(sum(api_calls), 0) FROM runs WHERE started_at >= @Today) AS ApiCallsToday,
                      (SELECT value FROM worker_state WHERE key = 'schema.lastPassed') AS SchemaLastPassed,
                      (SELECT max(run_id) FROM problems WHERE closed_at IS NULL) AS LastProblemRun,
                      (SELECT max(b.run_id) FROM write_entries e JOIN write_batches b ON b.id = e.batch_id WHERE e.status = 'Rejected') AS LastRejectionRun
                    FROM schema_info s
                    """,
                    new { Today = Iso.Date(today) },
                    null,
                    ct).ConfigureAwait(false) ?? throw new InvalidOperationException($"{Path} has no schema_info row: not a CrmStateSync store");
                var runs = await c.ListAsync<RunRow>($"SELECT {RunRow.Columns} FROM runs ORDER BY id DESC LIMIT @Count", new { Count = recentRuns }, null, ct).ConfigureAwait(false);
                // The org's use as the CRM last reported it today (the newest run that heard it): all its clients, not ours alone.
                var orgUse = await c.OneOrDefaultAsync<OrgUseRow>(
                    "SELECT api_used AS Used, api_max AS Max FROM runs WHERE started_at >= @Today AND api_max IS NOT NULL ORDER BY id DESC LIMIT 1",
                    new { Today = Iso.Date(today) },
                    null,
                    ct).ConfigureAwait(false);
                return new OverviewFacts(head.OrgId, head.Provider, (int)head.SchemaVersion, (int)head.Accounts, runs, head.ApiCallsToday, (int)head.OpenConflicts, (int)head.OpenProblems, (int)head.RejectedWrites, head.SchemaLastPassed)
                {
                    OrgApiUsed = orgUse?.Used,
                    OrgApiMax = orgUse?.Max,
                    LastRunWithOpenProblems = Max(head.LastProblemRun, head.LastRejectionRun),
                };
            },
            ct);

    /// <summary>The runs, newest first, <paramref name="size"/> a page, older than run <paramref name="before"/> when given.</summary>
    /// <remarks>
    /// <c>id &lt; ifnull(@Before, max)</c> rather than <c>(@Before IS NULL OR id &lt; @Before)</c>: SQLite cannot seek the rowid
    /// through an OR, so that form walks every newer run before the page (35 ms for the oldest page of 105,000 runs, a year of
    /// 5-minute cycles); this one seeks straight to it (0.1 ms). docs/benchmarks.md, "Admin console at 100,000 accounts".
    /// </remarks>
    public Task<Page<RunRow>> RunsAsync(long? before, int size, CancellationToken ct) =>
        ReadAsync(
            async c => Page.Of(
                await c.ListAsync<RunRow>(
                    $"SELECT {RunRow.Columns} FROM runs WHERE id < ifnull(@Before, 9223372036854775807) ORDER BY id DESC LIMIT @Limit",
                    new { Before = before, Limit = size + 1 },
                    null,
                    ct).ConfigureAwait(false),
                size),
            ct);

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private sealed class OrgUseRow
    {
        public long? Used { get; set; }
        public long? Max { get; set; }
    }

    private sealed class OverviewRow
    {
        public long? LastProblemRun { get; set; }
        public long? LastRejectionRun { get; set; }
        public string OrgId { get; set; } = "";
        public string Provider { get; set; } = "";
        public long SchemaVersion { get; set; }
        public long Accounts { get; set; }
        public long OpenConflicts { get; set; }
        public long OpenProblems { get; set; }
        public long RejectedWrites { get; set; }
        public long ApiCallsToday { get; set; }
        public string? SchemaLastPassed { get; set; }
    }
}

/// <summary>What the overview shows.</summary>
public sealed record OverviewFacts(
    string OrgId,
    string Provider,
    int SchemaVersion,
    int Accounts,
    IReadOnlyList<RunRow> RecentRuns,
    long ApiCallsToday,
    int OpenConflicts,
    int OpenProblems,
    int RejectedWrites,
    string? SchemaLastPassed)
{
    /// <summary>The org's daily API requests used and allowed as the CRM last reported them today; null when no run heard it.</summary>
    public long? OrgApiUsed { get; init; }

    public long? OrgApiMax { get; init; }

    /// <summary>The newest run with a problem or a refused write still open: where "open problems" leads.</summary>
    public long? LastRunWithOpenProblems { get; init; }
}

/// <summary>One run row as stored (instants as ISO text, UTC).</summary>
public sealed class RunRow
{
    internal const string Columns =
        "id AS Id, kind AS Kind, started_at AS StartedAt, finished_at AS FinishedAt, outcome AS Outcome, read AS Read, evaluated AS Evaluated, " +
        "written AS Written, rejected AS Rejected, conflicts AS Conflicts, problems AS Problems, api_calls AS ApiCalls, calls_json AS CallsJson";

    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string StartedAt { get; set; } = "";
    public string? FinishedAt { get; set; }
    public string? Outcome { get; set; }
    public long Read { get; set; }
    public long Evaluated { get; set; }
    public long Written { get; set; }
    public long Rejected { get; set; }
    public long Conflicts { get; set; }
    public long Problems { get; set; }
    public long ApiCalls { get; set; }
    public string? CallsJson { get; set; }
}
