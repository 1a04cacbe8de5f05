namespace CrmStateSync.Output;

/// <summary>
/// A plain-text table whose long cells wrap onto continuation lines instead of being cut: each column has a maximum width,
/// a cell longer than that breaks at spaces (or mid-word when a word alone is too long), and a row is as many lines as its
/// tallest cell. Nothing of a value is lost, and each line stays within the table's width.
/// </summary>
internal static class WrappedTable
{
    /// <param name="output">Where the lines go.</param>
    /// <param name="header">The column titles.</param>
    /// <param name="maxWidths">Per column, the widest a line of a cell may be (0: never wrapped).</param>
    /// <param name="rows">The cells, one array per row, as many as <paramref name="header"/>.</param>
    public static void Write(TextWriter output, string[] header, int[] maxWidths, IEnumerable<string[]> rows)
    {
        var wrapped = rows.Select(r => r.Select((cell, i) => Wrap(cell, maxWidths[i])).ToArray()).ToList();
        var widths = header.Select((h, i) => wrapped.Select(r => r[i].Max(l => l.Length)).Append(h.Length).Max()).ToArray();
        WriteLine(output, header, widths);
        foreach (var row in wrapped)
        {
            for (var line = 0; line < row.Max(c => c.Count); line++)
            {
                WriteLine(output, [.. row.Select(c => line < c.Count ? c[line] : "")], widths);
            }
        }
    }

    /// <summary>The lines of <paramref name="text"/> at most <paramref name="width"/> long (0: one line per line break).</summary>
    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var rest = paragraph.Trim();
            while (width > 0 && rest.Length > width)
            {
                var cut = rest.LastIndexOf(' ', width);
                var at = cut > 0 ? cut : width;
                lines.Add(rest[..at].TrimEnd());
                rest = rest[at..].TrimStart();
            }

            lines.Add(rest);
        }

        return lines;
    }

    private static void WriteLine(TextWriter output, string[] cells, int[] widths) =>
        output.WriteLine(string.Join("  ", cells.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
}
