using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store;

/// <summary>Run history: one row per cycle.</summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>The columns every schema version has (reports open older files read-only, unmigrated).</summary>
    private const string RunColumns =
        "id AS Id, kind AS Kind, started_at AS StartedAt, finished_at AS FinishedAt, outcome AS Outcome, read AS Read, " +
        "evaluated AS Evaluated, written AS Written, rejected AS Rejected, conflicts AS Conflicts, api_calls AS ApiCalls";

    /// <summary>The run columns of a migrated file, the problems count included.</summary>
    private const string RunColumnsWithProblems = RunColumns + ", problems AS Problems";

    /// <summary>Records the start of a run of the given kind (<c>sync</c>, <c>backfill</c> …), now on the store's clock; returns its id.</summary>
    public Task<long> StartRunAsync(string kind, CancellationToken cancellationToken) => StartRunAsync(kind, _time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Records the start of a run of the given kind at <paramref name="startedAt"/> (the engine's start of the cycle, on
    /// the worker's one clock); returns its id.
    /// </summary>
    public Task<long> StartRunAsync(string kind, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var at = Iso.Instant(startedAt);
        return InTransactionAsync(
            async (c, tx) =>
            {
                // Problems met from now on are this run's.
                _run = await c.ScalarAsync<long>("INSERT INTO runs (kind, started_at) VALUES (@Kind, @Now) RETURNING id", new { Kind = kind, Now = at }, tx, cancellationToken).ConfigureAwait(false);
                return _run;
            },
            cancellationToken);
    }

    /// <summary>Records a run's end (now, on the store's clock), outcome and counts; false when the run is unknown.</summary>
    public Task<bool> FinishRunAsync(long runId, string outcome, RunCounts counts, CancellationToken cancellationToken) =>
        FinishRunAsync(runId, outcome, counts, _time.GetUtcNow(), cancellationToken);

    /// <summary>Records a run's end at <paramref name="finishedAt"/> (the engine's end of the cycle), outcome and counts; false when the run is unknown.</summary>
    public async Task<bool> FinishRunAsync(long runId, string outcome, RunCounts counts, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var at = Iso.Instant(finishedAt);
        return await InTransactionAsync(
            (c, tx) => c.ExecAsync(
                """
                UPDATE runs SET finished_at = @Now, outcome = @Outcome, read = @Read, evaluated = @Evaluated, written = @Written,
                    rejected = @Rejected, conflicts = @Conflicts, api_calls = @ApiCalls, problems = @Problems, calls_json = @CallsJson,
                    api_used = @ApiUsed, api_max = @ApiMax
                WHERE id = @Id
                """,
                new
                {
                    Id = runId, Now = at, Outcome = outcome, counts.Read, counts.Evaluated, counts.Written, counts.Rejected, counts.Conflicts, counts.ApiCalls, counts.Problems,
                    CallsJson = counts.CallsByKind.Count == 0 ? null : StoreJson.Write(counts.CallsByKind),
                    ApiUsed = counts.OrgApiUse.Used, ApiMax = counts.OrgApiUse.Max,
                },
                tx,
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>The latest <paramref name="count"/> runs, newest first.</summary>
    public Task<IReadOnlyList<RunRecord>> RecentRunsAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return UseAsync(
            async c =>
            {
                var rows = await c.ListAsync<RunDbRow>(
                    $"SELECT {RunColumnsWithProblems} FROM runs ORDER BY id DESC LIMIT @Count",
                    new { Count = count },
                    null,
                    cancellationToken).ConfigureAwait(false);
                return (IReadOnlyList<RunRecord>)rows.ConvertAll(r => r.ToRecord());
            },
            cancellationToken);
    }

    /// <summary>How many runs of the given kind the store has recorded (finished or not), and when the first started.</summary>
    public Task<(int Count, DateTimeOffset? FirstStartedAt)> RunsOfKindAsync(string kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        return UseAsync(
            async c =>
            {
                var row = (await c.ListAsync<KindCountRow>(
                    "SELECT count(*) AS Count, min(started_at) AS FirstStartedAt FROM runs WHERE kind = @Kind", new { Kind = kind }, null, cancellationToken).ConfigureAwait(false))[0];
                return ((int)row.Count, Iso.ParseInstantOrNull(row.FirstStartedAt));
            },
            cancellationToken);
    }

    private sealed class KindCountRow
    {
        public long Count { get; set; }
        public string? FirstStartedAt { get; set; }
    }

    private sealed class RunDbRow
    {
        public long Id { get; set; }
        public string Kind { get; set; } = "";
        public string StartedAt { get; set; } = "";
        public string? FinishedAt { get; set; }
        public string? Outcome { get; set; }
        public int Read { get; set; }
        public int Evaluated { get; set; }
        public int Written { get; set; }
        public int Rejected { get; set; }
        public int Conflicts { get; set; }
        public long ApiCalls { get; set; }
        public int Problems { get; set; }

        public RunRecord ToRecord() =>
            new(Id, Kind, Iso.ParseInstant(StartedAt), Iso.ParseInstantOrNull(FinishedAt), Outcome, new RunCounts(Read, Evaluated, Written, Rejected, Conflicts, ApiCalls, Problems));
    }
}
