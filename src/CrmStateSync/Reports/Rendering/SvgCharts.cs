using System.Xml.Linq;
using static CrmStateSync.Reports.Rendering.Xhtml;

namespace CrmStateSync.Reports.Rendering;

/// <summary>
/// The three charts, drawn as inline SVG by hand (no script, no external file): the stage funnel, median and p75 time
/// in stage, and the time-to-value histogram. Each has an id and a title, so a reader (or a test) can find it.
/// </summary>
internal static class SvgCharts
{
    private const double Width = 720, LabelWidth = 150, BarSpace = 440, Row = 26;

    public static XElement Funnel(DistributionReport d)
    {
        var max = Math.Max(1, d.Stages.Count == 0 ? 0 : d.Stages.Max(s => s.Accounts));
        var rows = d.Stages.Select((s, i) =>
        {
            var w = Math.Max(1, BarSpace * s.Accounts / max);
            var y = 10 + (i * Row);
            return (object)new[]
            {
                S("text", A("x", LabelWidth - 8), A("y", y + 15.0), A("text-anchor", "end"), s.Stage),
                S("rect", A("x", LabelWidth + ((BarSpace - w) / 2)), A("y", (double)y), A("width", w), A("height", Row - 6.0), A("class", s.RedFlag ? "bar flag" : "bar")),
                S("text", A("x", LabelWidth + BarSpace + 8), A("y", y + 15.0), $"{s.Accounts} ({Fmt.Percent(s.Share)})"),
            };
        });
        return Chart("chart-funnel", "Stage funnel: accounts per current stage (red: over 20% in a stage meant to be passed through)", 20 + (d.Stages.Count * Row), rows);
    }

    public static XElement TimeInStage(VelocityReport v)
    {
        var rows = v.TimeInStage.Where(r => r.Segment == (v.Segment ?? VelocityReport.All)).ToList();
        var max = Math.Max(1, rows.Select(r => r.Completed.P75 ?? 0).DefaultIfEmpty(0).Max());
        var drawn = rows.Select((r, i) =>
        {
            var y = 10 + (i * Row * 1.5);
            return (object)new[]
            {
                S("text", A("x", LabelWidth - 8), A("y", y + 16), A("text-anchor", "end"), r.Stage),
                Bar(y, (r.Completed.Median ?? 0) / max, "bar median"),
                Bar(y + 12, (r.Completed.P75 ?? 0) / max, "bar p75"),
                S("text", A("x", LabelWidth + BarSpace + 8), A("y", y + 16),
                    r.Completed.N == 0 ? "no completed stay" : $"median {Fmt.Number(r.Completed.Median)}, p75 {Fmt.Number(r.Completed.P75)} days (n {r.Completed.N})"),
            };
        });
        return Chart("chart-time-in-stage", "Time in stage: median (dark) and 75th percentile (light), days, completed stays", 20 + (rows.Count * Row * 1.5), drawn);
    }

    public static XElement TimeToValue(VelocityReport v)
    {
        var buckets = v.TimeToValueHistogram;
        var max = Math.Max(1, buckets.Count == 0 ? 0 : buckets.Max(b => b.Accounts));
        const double height = 160, column = 80;
        var drawn = buckets.Select((b, i) =>
        {
            var h = height * b.Accounts / max;
            var x = 40 + (i * column);
            return (object)new[]
            {
                S("rect", A("x", x), A("y", 20 + height - h), A("width", column - 16), A("height", Math.Max(h, 0.5)), A("class", "bar")),
                S("text", A("x", x + ((column - 16) / 2)), A("y", 14 + height - h), A("text-anchor", "middle"), b.Accounts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                S("text", A("x", x + ((column - 16) / 2)), A("y", height + 38), A("text-anchor", "middle"), b.Label),
            };
        });
        return Chart("chart-time-to-value", $"Time to value: accounts per bucket of days ({v.TimeToValueDefinition})", height + 50, drawn);
    }

    private static XElement Bar(double y, double fraction, string cssClass) =>
        S("rect", A("x", LabelWidth), A("y", y), A("width", Math.Max(BarSpace * fraction, 0.5)), A("height", 11.0), A("class", cssClass));

    private static XElement Chart(string id, string title, double height, IEnumerable<object> content) =>
        S("svg", A("id", id), A("class", "chart"), A("role", "img"), A("aria-labelledby", id + "-title"),
            A("width", Width), A("height", height), A("viewBox", $"0 0 {Num(Width)} {Num(height)}"),
            S("title", A("id", id + "-title"), title),
            content);
}
