namespace CrmStateSync.Reports.Rendering;

/// <summary>
/// How wide a chart label will be drawn, estimated without a font: the page sets no web font, so the browser picks
/// its own sans-serif, and the charts must leave room for the widest likely one. Widths are upper bounds taken from
/// DejaVu Sans (the widest common sans-serif, Debian's default), in em: narrow marks 0.4, digits and lower case 0.64,
/// upper case 0.8, m/w/M/W and anything else (symbols, accents, other scripts) a full em. Arial, Helvetica, Liberation
/// and Segoe draw every class narrower, so a label measured here never overflows the room made for it.
/// </summary>
internal static class ChartText
{
    /// <summary>The charts' font size, px (the page's CSS sets <c>svg.chart { font-size: 12px }</c>).</summary>
    public const double FontSize = 12;

    private const string Narrow = " .,:;'!|()[]-/ijltfI";
    private const char Ellipsis = '…';

    /// <summary>The estimated width of <paramref name="text"/> at <paramref name="fontSize"/> px, never less than the real one.</summary>
    public static double Width(string text, double fontSize = FontSize) => text.Sum(Em) * fontSize;

    /// <summary>
    /// The text as drawn in at most <paramref name="maxWidth"/> px: whole when it fits, else cut and ended with "…"
    /// (the full text stays in the chart's tooltip and in the table beside it).
    /// </summary>
    public static string Fit(string text, double maxWidth, double fontSize = FontSize)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Width(text, fontSize) <= maxWidth)
        {
            return text;
        }

        var room = maxWidth - (Em(Ellipsis) * fontSize);
        var used = 0.0;
        var length = 0;
        while (length < text.Length && used + (Em(text[length]) * fontSize) <= room)
        {
            used += Em(text[length]) * fontSize;
            length++;
        }

        return text[..length].TrimEnd() + Ellipsis;
    }

    private static double Em(char c) => c switch
    {
        _ when Narrow.Contains(c, StringComparison.Ordinal) => 0.4,
        >= '0' and <= '9' => 0.64,
        'm' or 'w' or 'M' or 'W' => 1.0,
        >= 'a' and <= 'z' => 0.64,
        >= 'A' and <= 'Z' => 0.8,
        _ => 1.0,
    };
}
