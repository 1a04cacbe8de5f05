using System.Globalization;
using System.Text.Json;
using CrmStateSync.Store;

namespace CrmStateSync.Output;

/// <summary><c>conflicts list</c>: the log as a table (default), RFC 4180 CSV or JSON, oldest first.</summary>
internal static class ConflictListWriter
{
    private const int MaxCell = 32;

    private static readonly string[] Header = ["id", "detected on", "account", "field", "CRM value", "engine value", "action", "rule", "resolved"];

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static void Write(TextWriter output, IReadOnlyList<ConflictEntry> entries, string format)
    {
        switch (format)
        {
            case "csv":
                ConflictCsv.Write(output, entries);
                break;
            case "json":
                output.WriteLine(JsonSerializer.Serialize(new { conflicts = entries.Select(Json) }, JsonOptions));
                break;
            default:
                WriteTable(output, entries);
                break;
        }
    }

    /// <summary>The resolution as one cell: empty while unresolved, else the day and what was kept.</summary>
    public static string Resolution(ConflictEntry e) =>
        e.ResolvedOn is { } on ? $"{Day(on)} (kept {Keep(e.ResolvedKeep)})" : "";

    /// <summary>A day as ISO 8601 (<c>yyyy-MM-dd</c>), whatever the culture.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>crm</c> or <c>engine</c>, as typed on the command line; empty when unresolved.</summary>
    public static string Keep(ConflictKeep? keep) => keep?.ToString().ToLowerInvariant() ?? "";

    private static void WriteTable(TextWriter output, IReadOnlyList<ConflictEntry> entries)
    {
        if (entries.Count == 0)
        {
            output.WriteLine("No conflicts match.");
            return;
        }

        var rows = entries.Select(Cells).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        output.WriteLine($"{entries.Count} conflict(s), {entries.Count(e => e.IsOpen)} open");
    }

    private static string[] Cells(ConflictEntry e) =>
    [
        e.Id.ToString(CultureInfo.InvariantCulture), Day(e.DetectedOn), Fit(e.AccountId), Fit(e.Field),
        Fit(e.CrmValue ?? "(empty)"), Fit(e.EngineValue ?? "(empty)"), e.Action.ToString(), Fit(e.Rule ?? ""), e.IsOpen ? "open" : Resolution(e),
    ];

    private static string Fit(string value)
    {
        var oneLine = value.ReplaceLineEndings(" ");
        return oneLine.Length > MaxCell ? oneLine[..(MaxCell - 1)] + "…" : oneLine;
    }

    private static object Json(ConflictEntry e) => new
    {
        id = e.Id,
        detectedOn = e.DetectedOn,
        account = e.AccountId,
        field = e.Field,
        crmValue = e.CrmValue,
        engineValue = e.EngineValue,
        action = e.Action.ToString(),
        rule = e.Rule,
        open = e.IsOpen,
        resolvedOn = e.ResolvedOn,
        resolvedKeep = e.ResolvedKeep is null ? null : Keep(e.ResolvedKeep),
    };
}
