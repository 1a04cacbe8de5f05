using System.Xml.Linq;
using static CrmStateSync.Reports.Rendering.Xhtml;

namespace CrmStateSync.Reports.Rendering;

/// <summary>
/// The time-to-value histogram: one column per bucket of equal width (<see cref="HistogramBuckets"/>), its count above
/// it, its range of days below, and both axes titled. Columns are as wide as the widest range label needs.
/// </summary>
internal static class SvgHistogram
{
    private const double Left = 46, Top = 22, Plot = 160, Right = 10, MinColumn = 44;

    public static XElement? TimeToValue(VelocityReport v)
    {
        var buckets = v.TimeToValueHistogram;
        if (buckets.Count == 0)
        {
            return null;
        }

        var days = buckets[0].ToDays - buckets[0].FromDays + 1;
        var xTitle = XTitle(v, days);
        var column = Column(buckets);
        var width = Math.Ceiling(Math.Max(Left + (buckets.Count * column) + Right, Left + ChartText.Width(xTitle) + Right));
        var max = Math.Max(1, buckets.Max(b => b.Accounts));
        var drawn = buckets.Select((b, i) =>
        {
            var h = Plot * b.Accounts / max;
            var middle = Left + (i * column) + (column / 2);
            return (object)new[]
            {
                b.Accounts == 0 ? null : S("rect", A("x", Left + (i * column) + 4), A("y", Top + Plot - h), A("width", column - 8), A("height", h), A("class", "bar")),
                S("text", A("x", middle), A("y", Top + Plot - h - 5), A("text-anchor", "middle"), Fmt.Number(b.Accounts)),
                S("text", A("x", middle), A("y", Top + Plot + 16), A("text-anchor", "middle"), A("class", "tick"), b.Label),
            };
        });
        var axes = new object[]
        {
            S("line", A("x1", Left), A("y1", Top + Plot), A("x2", Left + (buckets.Count * column)), A("y2", Top + Plot), A("class", "axis")),
            S("text", A("x", (Left + width - Right) / 2), A("y", Top + Plot + 36), A("text-anchor", "middle"), A("class", "axis-title"), xTitle),
            S("text", A("transform", "rotate(-90)"), A("x", -(Top + (Plot / 2))), A("y", 16.0), A("text-anchor", "middle"), A("class", "axis-title"), YTitle),
        };
        var svg = SvgCharts.Chart("chart-time-to-value", $"Time to value: accounts per bucket of {days} days ({v.TimeToValueDefinition})", width, Top + Plot + 46, [.. drawn, .. axes]);
        return SvgCharts.Figure(svg, "Time to value: accounts per bucket of days",
            SvgCharts.Key("bar", $"accounts whose time to value falls in the bucket (every bucket {days} days wide)"));
    }

    /// <summary>The y axis title.</summary>
    public const string YTitle = "accounts";

    /// <summary>The x axis title: what the days measure and the bucket width.</summary>
    public static string XTitle(VelocityReport v, int bucketDays)
    {
        ArgumentNullException.ThrowIfNull(v);
        return $"days to value: {v.TimeToValueDefinition} (buckets of {bucketDays} days)";
    }

    /// <summary>The width of every column: room for the widest range label and count, at least <see cref="MinColumn"/>.</summary>
    public static double Column(IReadOnlyList<HistogramBucket> buckets) =>
        Math.Max(MinColumn, buckets.Max(b => Math.Max(ChartText.Width(b.Label), ChartText.Width(Fmt.Number(b.Accounts)))) + 10);
}
