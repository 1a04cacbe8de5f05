namespace CrmStateSync.Reports.Rendering;

/// <summary>
/// Where the three columns of a horizontal bar chart go — stage labels (right-aligned), bars, value texts — sized from
/// the texts themselves (<see cref="ChartText"/>), so no label is cut at the chart's edge. A label wider than
/// <see cref="MaxLabel"/> is shortened with "…" (<see cref="Label"/>); the full name stays in its tooltip and the table.
/// </summary>
/// <param name="LabelEnd">x where labels end (they are drawn right-aligned there).</param>
/// <param name="BarsX">x where bars start.</param>
/// <param name="BarSpace">Width of the longest bar.</param>
/// <param name="ValueX">x where value texts start.</param>
/// <param name="Width">The chart's width: the widest value text ends <see cref="Margin"/> before it.</param>
internal sealed record BarLayout(double LabelEnd, double BarsX, double BarSpace, double ValueX, double Width)
{
    /// <summary>Widest label drawn, px; a longer one is shortened.</summary>
    public const double MaxLabel = 220;

    /// <summary>Room kept free at both edges, px.</summary>
    public const double Margin = 4;

    /// <summary>Gap between a label or value text and its bar, px.</summary>
    public const double Gap = 8;

    /// <summary>Width of the longest bar unless told otherwise, px.</summary>
    public const double DefaultBarSpace = 360;

    /// <summary>The layout for these labels and value texts.</summary>
    public static BarLayout For(IEnumerable<string> labels, IEnumerable<string> values, double barSpace = DefaultBarSpace)
    {
        var labelWidth = labels.Select(l => ChartText.Width(Label(l))).DefaultIfEmpty(0).Max();
        var valueWidth = values.Select(v => ChartText.Width(v)).DefaultIfEmpty(0).Max();
        var labelEnd = Margin + labelWidth;
        var barsX = labelEnd + Gap;
        var valueX = barsX + barSpace + Gap;
        return new BarLayout(labelEnd, barsX, barSpace, valueX, Math.Ceiling(valueX + valueWidth + Margin));
    }

    /// <summary>A label as drawn: whole, or shortened to <see cref="MaxLabel"/>.</summary>
    public static string Label(string text) => ChartText.Fit(text, MaxLabel);
}
