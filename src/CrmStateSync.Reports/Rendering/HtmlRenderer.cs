using System.Xml.Linq;
using static CrmStateSync.Reports.Rendering.Xhtml;

namespace CrmStateSync.Reports.Rendering;

/// <summary>
/// The reports as one self-contained page (the one leadership reads): inline CSS and inline SVG charts, no script, no
/// font, no link to anything outside the file, so it can be mailed or archived and opens offline. Written as XHTML
/// (well-formed XML with an HTML5 doctype), which browsers render as HTML and XML tools can parse.
/// </summary>
public static partial class HtmlRenderer
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 60rem; color: #1d2733; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { border-bottom: 1px solid #d5dbe3; padding-bottom: .2rem; margin-top: 2.5rem; }
        p.meta, p.note, p.empty { color: #5a6675; } table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
        th, td { border-bottom: 1px solid #e4e8ee; padding: .25rem .6rem; text-align: left; vertical-align: top; } th { background: #f3f5f8; }
        ul.flags li { color: #a3261c; } figure.chart { margin: 1rem 0; } svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; }
        svg.chart text { fill: #1d2733; } svg.chart text.none { fill: #5a6675; font-style: italic; } svg.chart .axis { stroke: #5a6675; }
        figcaption.legend { font-size: .85rem; color: #1d2733; margin-top: .3rem; } figcaption.legend .caption { font-weight: 600; margin-right: 1rem; }
        figcaption.legend .key { display: inline-block; margin-right: 1rem; } .swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -.1rem; }
        .bar { fill: #3b6ea8; background: #3b6ea8; } .bar.flag { fill: #c0392b; background: #c0392b; } .bar.median { fill: #2c5687; background: #2c5687; } .bar.p75 { fill: #9dbde0; background: #9dbde0; }
        """;

    public static void Write(TextWriter output, ReportSet set)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(set);
        var title = $"CrmStateSync lifecycle report — org {set.OrgId}, as of {Fmt.Day(set.AsOf)}";
        var html = El("html", A("lang", "en"),
            El("head", El("meta", A("charset", "utf-8")), El("title", title), El("style", Style)),
            El("body",
                El("h1", title),
                El("p", A("class", "meta"), $"Provider {set.Provider}. Computed from the worker's SQLite store: the transition history and the values the worker last wrote."),
                Sections(set)));
        output.Write("<!DOCTYPE html>\n");
        output.Write(html.ToString(SaveOptions.None));
        output.Write("\n");
    }

    /// <summary>
    /// The same sections and charts without the page around them — no head, no <c>&lt;style&gt;</c>, no <c>style</c>
    /// attribute — for a page that has its own stylesheet under a Content-Security-Policy forbidding inline styles (the
    /// admin console): one <c>&lt;div class="report"&gt;</c>, styled through the classes <see cref="Style"/> styles.
    /// Every text is escaped as in <see cref="Write"/>.
    /// </summary>
    public static void WriteFragment(TextWriter output, ReportSet set)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(set);
        output.Write(El("div", A("class", "report"), Sections(set)).ToString(SaveOptions.None));
    }

    private static object?[] Sections(ReportSet set) =>
    [
        set.Distribution is { } d ? Distribution(d) : null,
        set.Velocity is { } v ? Velocity(v) : null,
        set.Divergence is { } g ? Divergence(g) : null,
        set.Conflicts is { } c ? Conflicts(c) : null,
        set.Runs is { } r ? Runs(r) : null,
    ];

    private static XElement Section(string id, string heading, params object?[] content) => El("section", A("id", id), El("h2", heading), content);

    private static XElement Note(string text) => El("p", A("class", "note"), text);

    private static string[] Row(params string[] cells) => cells;

    private static XElement Velocity(VelocityReport v) =>
        Section("velocity", "Velocity" + (v.Segment is { } s ? $" — segment {s}" : ""),
            Note($"Time in stage, days: {VelocityReport.OpenStaysNote}. Percentiles interpolate linearly between closest ranks."),
            SvgCharts.TimeInStage(v),
            Table(["segment", "stage", "n", "median", "p75", "open now", "open median"],
                v.TimeInStage.Select(r => Row(r.Segment, r.Stage, Fmt.Number(r.Completed.N), r.Completed.N == 0 ? SvgCharts.NoCompletedStays : Fmt.Number(r.Completed.Median),
                    Fmt.Number(r.Completed.P75), Fmt.Number(r.OpenStays), Fmt.Number(r.OpenMedianDays))),
                "No stage transitions yet: no account has entered a stage, so there is no time in stage to measure.", "table-time-in-stage"),
            El("h3", "Time to value"),
            Note($"Days from {v.TimeToValueDefinition.Replace(" − ", " back to ", StringComparison.Ordinal)}, for the accounts that reached it."),
            SvgHistogram.TimeToValue(v),
            Table(["segment", "n", "median", "p75"], v.TimeToValue.Select(r => Row(r.Segment, Fmt.Number(r.Days.N), Fmt.Number(r.Days.Median), Fmt.Number(r.Days.P75))),
                "No account has reached the value stage yet, so there is no time to value to chart.", "table-time-to-value"));

    private static XElement Runs(RunsReport r) =>
        Section("runs", "Recent runs",
            Note($"The latest {r.Runs.Count} of {r.All.Runs} cycles, newest first; totals over those shown and over all."),
            Table(["id", "kind", "started", "seconds", "outcome", "read", "evaluated", "written", "rejected", "conflicts", "API calls"],
                r.Runs.Select(x => Row(Fmt.Number(x.Id), x.Kind, Fmt.Instant(x.StartedAt), Fmt.Number(x.Seconds), x.Outcome ?? "(running or died)", Fmt.Number(x.Read),
                    Fmt.Number(x.Evaluated), Fmt.Number(x.Written), Fmt.Number(x.Rejected), Fmt.Number(x.Conflicts), Fmt.Number(x.ApiCalls))),
                "No runs recorded yet: the worker has not started a sync cycle on this store.", "table-runs"),
            r.All.Runs == 0 ? null : Table(["totals", "runs", "not ok", "read", "evaluated", "written", "rejected", "conflicts", "API calls"],
                new[] { ("shown", r.Shown), ("all", r.All) }.Select(t => Row(t.Item1, Fmt.Number(t.Item2.Runs), Fmt.Number(t.Item2.NotOk), Fmt.Number(t.Item2.Read),
                    Fmt.Number(t.Item2.Evaluated), Fmt.Number(t.Item2.Written), Fmt.Number(t.Item2.Rejected), Fmt.Number(t.Item2.Conflicts), Fmt.Number(t.Item2.ApiCalls))),
                ""));
}
