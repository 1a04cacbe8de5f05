namespace CrmStateSync.Reports.Rendering;

/// <summary>The reports as aligned text for a terminal: a header line per report, then its tables.</summary>
public static partial class TableRenderer
{
    public static void Write(TextWriter output, ReportSet set)
    {
        var sections = new List<Action>();
        if (set.Velocity is { } v)
        {
            sections.Add(() => Velocity(output, set, v));
        }

        if (set.Distribution is { } d)
        {
            sections.Add(() => Distribution(output, set, d));
        }

        if (set.Divergence is { } g)
        {
            sections.Add(() => Divergence(output, set, g));
        }

        if (set.Conflicts is { } c)
        {
            sections.Add(() => Conflicts(output, set, c));
        }

        if (set.Runs is { } r)
        {
            sections.Add(() => Runs(output, set, r));
        }

        for (var i = 0; i < sections.Count; i++)
        {
            if (i > 0)
            {
                output.WriteLine();
            }

            sections[i]();
        }
    }

    private static void Velocity(TextWriter o, ReportSet set, VelocityReport v)
    {
        o.WriteLine(Fmt.Header(set, "Velocity" + (v.Segment is { } s ? $" (segment {s})" : "")));
        o.WriteLine($"Time in stage, days: {VelocityReport.OpenStaysNote}.");
        TextTable.Write(o, ["segment", "stage", "n", "median", "p75", "open", "open median"], v.TimeInStage.Select(r => (IReadOnlyList<string>)
            [r.Segment, r.Stage, Fmt.Number(r.Completed.N), Fmt.OrNone(Fmt.Number(r.Completed.Median)), Fmt.OrNone(Fmt.Number(r.Completed.P75)), Fmt.Number(r.OpenStays), Fmt.OrNone(Fmt.Number(r.OpenMedianDays))]),
            "No stage transitions yet.");
        o.WriteLine($"Time to value, days ({v.TimeToValueDefinition}; accounts that reached it):");
        TextTable.Write(o, ["segment", "n", "median", "p75"], v.TimeToValue.Select(r => (IReadOnlyList<string>)
            [r.Segment, Fmt.Number(r.Days.N), Fmt.OrNone(Fmt.Number(r.Days.Median)), Fmt.OrNone(Fmt.Number(r.Days.P75))]),
            "No account has reached the value stage yet.");
        o.WriteLine("Percentiles interpolate linearly between closest ranks (type 7): the median of an even count is the mean of the middle two.");
    }

    private static void Runs(TextWriter o, ReportSet set, RunsReport r)
    {
        o.WriteLine(Fmt.Header(set, "Runs") + $": the latest {r.Runs.Count} of {r.All.Runs}, newest first");
        TextTable.Write(o, ["id", "kind", "started", "seconds", "outcome", "read", "evaluated", "written", "rejected", "conflicts", "api calls"], r.Runs.Select(x => (IReadOnlyList<string>)
            [Fmt.Number(x.Id), x.Kind, Fmt.Instant(x.StartedAt), Fmt.OrNone(Fmt.Number(x.Seconds)), x.Outcome ?? "(running or died)", Fmt.Number(x.Read), Fmt.Number(x.Evaluated),
             Fmt.Number(x.Written), Fmt.Number(x.Rejected), Fmt.Number(x.Conflicts), Fmt.Number(x.ApiCalls)]),
            "No runs recorded yet: the worker records one per cycle.");
        TextTable.Write(o, ["totals", "runs", "not ok", "read", "evaluated", "written", "rejected", "conflicts", "api calls"], new[] { ("shown", r.Shown), ("all", r.All) }.Select(t => (IReadOnlyList<string>)
            [t.Item1, Fmt.Number(t.Item2.Runs), Fmt.Number(t.Item2.NotOk), Fmt.Number(t.Item2.Read), Fmt.Number(t.Item2.Evaluated), Fmt.Number(t.Item2.Written),
             Fmt.Number(t.Item2.Rejected), Fmt.Number(t.Item2.Conflicts), Fmt.Number(t.Item2.ApiCalls)]),
            "");
    }
}
