using System.Xml.Linq;
using static CrmStateSync.Reports.Rendering.Xhtml;

namespace CrmStateSync.Reports.Rendering;

/// <summary>
/// The three charts, drawn as inline SVG by hand (no script, no external file): the stage funnel, median and p75 time
/// in stage, and the time-to-value histogram (<see cref="SvgHistogram"/>). Each is a figure whose caption is its
/// visible legend (what each colour means); the SVG keeps an id and a title, so a reader (or a test) can find it.
/// Columns are sized from their texts (<see cref="BarLayout"/>). A chart with nothing to draw is not drawn (null): the
/// section says why in words instead.
/// </summary>
internal static class SvgCharts
{
    private const double Row = 26;

    public static XElement? Funnel(DistributionReport d)
    {
        if (d.WithStage == 0)
        {
            return null;
        }

        var values = d.Stages.Select(s => $"{s.Accounts} ({Fmt.Percent(s.Share)})").ToList();
        var layout = BarLayout.For(d.Stages.Select(s => s.Stage), values);
        var max = Math.Max(1, d.Stages.Max(s => s.Accounts));
        var rows = d.Stages.Select((s, i) =>
        {
            var w = layout.BarSpace * s.Accounts / max;
            var y = 10 + (i * Row);
            return (object)new[]
            {
                Label(layout, y + 15, s.Stage),
                s.Accounts == 0 ? null : S("rect", A("x", layout.BarsX + ((layout.BarSpace - w) / 2)), A("y", y), A("width", w), A("height", Row - 6.0), A("class", s.RedFlag ? "bar flag" : "bar")),
                S("text", A("x", layout.ValueX), A("y", y + 15), values[i]),
            };
        });
        return Figure(Chart("chart-funnel", "Stage funnel: accounts per current stage (red: over 20% in a stage meant to be passed through)", layout.Width, 20 + (d.Stages.Count * Row), rows),
            "Stage funnel: accounts per current stage",
            Key("bar", "accounts in the stage on the as-of date"), Key("bar flag", "over 20% of staged accounts in a stage meant to be passed through (red flag)"));
    }

    public static XElement? TimeInStage(VelocityReport v)
    {
        var rows = v.TimeInStage.Where(r => r.Segment == (v.Segment ?? VelocityReport.All)).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var values = rows.Select(StayText).ToList();
        var layout = BarLayout.For(rows.Select(r => r.Stage), values);
        var max = Math.Max(1, rows.Max(r => r.Completed.P75 ?? 0));
        var drawn = rows.Select((r, i) =>
        {
            var y = 10 + (i * Row * 1.5);
            return (object)new[]
            {
                Label(layout, y + 16, r.Stage),
                r.Completed.Median is { } median ? Bar(layout, y, median / max, "bar median") : null,
                r.Completed.P75 is { } p75 ? Bar(layout, y + 12, p75 / max, "bar p75") : null,
                S("text", A("x", layout.ValueX), A("y", y + 16), r.Completed.N == 0 ? A("class", "none") : null, values[i]),
            };
        });
        return Figure(Chart("chart-time-in-stage", "Time in stage: median (dark) and 75th percentile (light), days, completed stays", layout.Width, 20 + (rows.Count * Row * 1.5), drawn),
            "Time in stage, days, completed stays" + (v.Segment is { } s ? $" (segment {s})" : ""),
            Key("bar median", "median"), Key("bar p75", "75th percentile"), Key(null, $"“{NoCompletedStays}”: entered, not left yet"));
    }

    /// <summary>What a stage without a completed stay says instead of a median.</summary>
    public const string NoCompletedStays = "no completed stays";

    /// <summary>The value text of a time-in-stage row: median, p75 and n, or that no stay was completed (and how many are open).</summary>
    public static string StayText(StageVelocity r) =>
        r.Completed.N == 0
            ? NoCompletedStays + (r.OpenStays > 0 ? $" ({r.OpenStays} open)" : "")
            : $"median {Fmt.Number(r.Completed.Median)}, p75 {Fmt.Number(r.Completed.P75)} days (n {r.Completed.N})";

    /// <summary>A chart in a figure whose caption is its visible title and legend.</summary>
    public static XElement Figure(XElement svg, string caption, params XElement[] keys) =>
        El("figure", A("class", "chart"), A("id", "figure-" + (string)svg.Attribute("id")!),
            svg,
            El("figcaption", A("class", "legend"), El("span", A("class", "caption"), caption), keys));

    /// <summary>One legend entry: a colour swatch (none when <paramref name="swatch"/> is null) and what it means.</summary>
    public static XElement Key(string? swatch, string meaning) =>
        El("span", A("class", "key"), swatch is null ? null : El("span", A("class", "swatch " + swatch), ""), meaning);

    public static XElement Chart(string id, string title, double width, double height, IEnumerable<object> content) =>
        S("svg", A("id", id), A("class", "chart"), A("role", "img"), A("aria-labelledby", id + "-title"),
            A("width", width), A("height", height), A("viewBox", $"0 0 {Num(width)} {Num(height)}"),
            S("title", A("id", id + "-title"), title),
            content);

    private static XElement Label(BarLayout layout, double y, string stage)
    {
        var shown = BarLayout.Label(stage);
        return S("text", A("x", layout.LabelEnd), A("y", y), A("text-anchor", "end"), A("class", "label"), shown == stage ? null : S("title", stage), shown);
    }

    private static XElement Bar(BarLayout layout, double y, double fraction, string cssClass) =>
        S("rect", A("x", layout.BarsX), A("y", y), A("width", Math.Max(layout.BarSpace * fraction, 0.5)), A("height", 11.0), A("class", cssClass));
}
