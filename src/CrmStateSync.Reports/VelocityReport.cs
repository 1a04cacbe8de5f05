namespace CrmStateSync.Reports;

/// <summary>
/// Time in each stage and time to value, overall and by segment. Time in stage counts <b>completed stays only</b> —
/// the playbook defines stage velocity as the time spent in a stage "before transitioning to the next" — and shows the
/// stays still open beside them (count and median days so far), so a bottleneck stage is not hidden by its stuck accounts.
/// </summary>
/// <param name="AsOf">The date the report describes.</param>
/// <param name="Segment">The segment the report was restricted to, or null for all.</param>
/// <param name="OpenStaysIncluded">Always false: open stays are shown apart, not mixed into median and p75.</param>
/// <param name="TimeInStage">One row per segment (<see cref="All"/> first) and stage, in stage order; empty without any transition.</param>
/// <param name="TimeToValue">One row per segment (<see cref="All"/> first); empty while no account reached the value stage.</param>
/// <param name="TimeToValueHistogram">Accounts per time-to-value bucket of equal width (<see cref="HistogramBuckets"/>), for the segment the report covers; empty while no account reached the value stage.</param>
/// <param name="TimeToValueDefinition">In words, e.g. "Adopting entry − New Customer entry".</param>
public sealed record VelocityReport(
    DateOnly AsOf,
    string? Segment,
    bool OpenStaysIncluded,
    IReadOnlyList<StageVelocity> TimeInStage,
    IReadOnlyList<TimeToValueRow> TimeToValue,
    IReadOnlyList<HistogramBucket> TimeToValueHistogram,
    string TimeToValueDefinition)
{
    /// <summary>The segment label of the rows over every account.</summary>
    public const string All = "(all)";

    public const string OpenStaysNote =
        "median and p75 count completed stays only (days from entering a stage to leaving it); stays still open are counted apart, up to the as-of date";
}

/// <summary>Completed stays of a stage in a segment, and the stays still open on the as-of date.</summary>
public sealed record StageVelocity(string Segment, string Stage, DayStats Completed, int OpenStays, double? OpenMedianDays);

/// <summary>Time to value of the accounts of a segment that reached the value stage.</summary>
public sealed record TimeToValueRow(string Segment, DayStats Days);

/// <summary>Accounts whose time to value is between <see cref="FromDays"/> and <see cref="ToDays"/>, both inclusive.</summary>
public sealed record HistogramBucket(string Label, int FromDays, int ToDays, int Accounts);
