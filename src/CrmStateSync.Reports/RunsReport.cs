using CrmStateSync.Store;

namespace CrmStateSync.Reports;

/// <summary>The latest cycles (newest first) with their counts, and totals over the cycles shown and over all of them.</summary>
public sealed record RunsReport(DateOnly AsOf, IReadOnlyList<RunRow> Runs, RunTotals Shown, RunTotals All)
{
    public const int DefaultLimit = 20;

    /// <summary>Runs started on or before the as-of date (UTC), newest first, at most <paramref name="limit"/> listed.</summary>
    public static RunsReport Compute(ReportInput input, int limit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var runs = input.Data.Runs
            .Where(r => DateOnly.FromDateTime(r.StartedAt.UtcDateTime) <= input.AsOf)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Select(RunRow.Of)
            .ToList();
        var shown = runs.Take(limit).ToList();
        return new RunsReport(input.AsOf, shown, RunTotals.Of(shown), RunTotals.Of(runs));
    }
}

/// <summary>One cycle: what it was, when, how it ended, its counts; <see cref="Seconds"/> null while it runs (or if it died).</summary>
public sealed record RunRow(
    long Id, string Kind, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, double? Seconds, string? Outcome,
    int Read, int Evaluated, int Written, int Rejected, int Conflicts, long ApiCalls)
{
    public static RunRow Of(RunRecord r) => new(
        r.Id, r.Kind, r.StartedAt, r.FinishedAt, r.FinishedAt is { } end ? Math.Round((end - r.StartedAt).TotalSeconds, 1) : null, r.Outcome,
        r.Counts.Read, r.Counts.Evaluated, r.Counts.Written, r.Counts.Rejected, r.Counts.Conflicts, r.Counts.ApiCalls);
}

/// <summary>Sums over runs; <see cref="NotOk"/> counts runs that ended with another outcome than <c>ok</c> or never ended.</summary>
public sealed record RunTotals(int Runs, int NotOk, long Read, long Evaluated, long Written, long Rejected, long Conflicts, long ApiCalls)
{
    public static RunTotals Of(IReadOnlyList<RunRow> runs) => new(
        runs.Count,
        runs.Count(r => r.Outcome != "ok"),
        runs.Sum(r => (long)r.Read),
        runs.Sum(r => (long)r.Evaluated),
        runs.Sum(r => (long)r.Written),
        runs.Sum(r => (long)r.Rejected),
        runs.Sum(r => (long)r.Conflicts),
        runs.Sum(r => r.ApiCalls));
}
