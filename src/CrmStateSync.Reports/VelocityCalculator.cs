using System.Globalization;

namespace CrmStateSync.Reports;

/// <summary>Computes <see cref="VelocityReport"/> from the history and the values the worker last wrote.</summary>
public static class VelocityCalculator
{
    public static VelocityReport Compute(ReportInput input, string? segment = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = new Scope(input, segment);
        var days = input.History.Days.Where(d => scope.IncludesSegment(d.Key.Segment)).ToList();
        var ttv = input.Accounts.Where(a => scope.Includes(a.Id))
            .Select(a => (a.Id, Days: TimeToValueDays(input, a.Id))).Where(t => t.Days is not null).Select(t => (t.Id, Days: t.Days!.Value)).ToList();
        var groups = scope.Groups(days.Select(d => d.Key.Segment).Concat(ttv.Select(t => input.SegmentOf(t.Id))));
        var stages = input.Model.WithExtra(days.Select(d => d.Key.Stage));
        var timeInStage = days.Count == 0 ? [] : groups
            .SelectMany(g => stages.Select(stage => Velocity(g, stage, days.Where(d => d.Key.Stage == stage && scope.InGroup(g, d.Key.Segment)).Select(d => d.Value))))
            .Where(v => v.Segment == groups[0] || v.Completed.N + v.OpenStays > 0)
            .ToList();
        var timeToValue = ttv.Count == 0 ? [] : groups.Select(g => new TimeToValueRow(g, DayStats.Of(ttv.Where(t => scope.InGroup(g, input.SegmentOf(t.Id))).Select(t => t.Days)))).ToList();
        return new VelocityReport(input.AsOf, segment, false, timeInStage, timeToValue, HistogramBuckets.Of(ttv.Select(t => t.Days)), Definition(input.Model));
    }

    /// <summary>
    /// The rules' time to value (StageOutcome.TimeToValueDays): entry date of the value stage − entry date of the
    /// customer stage, from the stamps the worker last wrote, once the value stage was entered on or before the as-of
    /// date. Without those stamps (a mapping that does not write them) the written <c>timeToValueDays</c> is used.
    /// </summary>
    public static int? TimeToValueDays(ReportInput input, string accountId)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (from, to) = (input.Model.TimeToValueFrom, input.Model.TimeToValueTo);
        if (from is null || to is null)
        {
            return null;
        }

        var fromOn = Date(input.LastWritten(accountId, Crm.Contract.ManagedField.StageEntryDate(from)));
        var toOn = Date(input.LastWritten(accountId, Crm.Contract.ManagedField.StageEntryDate(to)));
        if (fromOn is { } f && toOn is { } t)
        {
            return t <= input.AsOf ? t.DayNumber - f.DayNumber : null;
        }

        return int.TryParse(input.LastWritten(accountId, Crm.Contract.ManagedField.TimeToValueDays), NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : null;
    }

    private static string Definition(ReportStageModel model) =>
        model.TimeToValueFrom is { } from && model.TimeToValueTo is { } to ? $"{to} entry − {from} entry" : "not configured (Rules:StageModel:TimeToValueTo)";

    private static StageVelocity Velocity(string segment, string stage, IEnumerable<StageDays> days)
    {
        var list = days.ToList();
        var open = DayStats.Of(list.SelectMany(d => d.Open));
        return new StageVelocity(segment, stage, DayStats.Of(list.SelectMany(d => d.Completed)), open.N, open.Median);
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// Which accounts a report covers and how it groups them: every account, overall then per segment; or one segment
    /// (matched ignoring case) as a single group labelled as typed.
    /// </summary>
    private sealed record Scope(ReportInput Input, string? Segment)
    {
        public bool Includes(string accountId) => IncludesSegment(Input.SegmentOf(accountId));

        public bool IncludesSegment(string segment) => Segment is null || string.Equals(segment, Segment, StringComparison.OrdinalIgnoreCase);

        public bool InGroup(string group, string segment) => group == VelocityReport.All || Segment is not null || segment == group;

        public List<string> Groups(IEnumerable<string> segments) =>
            Segment is not null ? [Segment] : [VelocityReport.All, .. segments.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
