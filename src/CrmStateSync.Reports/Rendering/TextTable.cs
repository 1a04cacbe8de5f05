namespace CrmStateSync.Reports.Rendering;

/// <summary>An aligned plain-text table: columns padded to their widest cell, numeric columns right-aligned.</summary>
internal static class TextTable
{
    private const int MaxCell = 60;

    public static void Write(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string empty)
    {
        var body = rows.Select(r => (IReadOnlyList<string>)[.. r.Select(Fit)]).ToList();
        if (body.Count == 0)
        {
            output.WriteLine("  " + empty);
            return;
        }

        var all = body.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Count).Select(i => all.Max(r => r[i].Length)).ToArray();
        var numeric = Enumerable.Range(0, header.Count).Select(i => body.All(r => IsNumeric(r[i]))).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, i) => numeric[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
            output.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
        }
    }

    private static bool IsNumeric(string cell) => cell.Length == 0 || cell == Fmt.None || cell.All(c => char.IsAsciiDigit(c) || c is '.' or '%' or '-');

    /// <summary>One line, at most <see cref="MaxCell"/> characters: a table row must stay a row.</summary>
    private static string Fit(string cell)
    {
        var oneLine = cell.ReplaceLineEndings(" ");
        return oneLine.Length > MaxCell ? oneLine[..(MaxCell - 1)] + "…" : oneLine;
    }
}
