using System.Globalization;
using System.Text.Json;
using CrmStateSync.Store;

namespace CrmStateSync.Output;

/// <summary>
/// <c>conflicts list</c>: the log as a table (default), RFC 4180 CSV or JSON, oldest first. The table names each account
/// (name and CRM id) and wraps long values and the rule onto continuation lines: nothing is cut.
/// </summary>
public static class ConflictListWriter
{
    private static readonly string[] Header = ["id", "detected on", "account", "field", "CRM value", "engine value", "action", "resolved", "rule"];

    /// <summary>The widest line per column; the rule gets the most room.</summary>
    private static readonly int[] Widths = [0, 0, 32, 28, 24, 24, 0, 24, 48];

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

    /// <summary>The resolution as one cell: empty while unresolved, else the day, what was kept, by whom and whether applied.</summary>
    public static string Resolution(ConflictEntry e) =>
        e.ResolvedOn is { } on
            ? $"{Day(on)} (kept {Keep(e.ResolvedKeep)})" + (e.ResolvedBy is { } by ? $" by {by}" : "")
                + (e.AppliedAt is { } at ? $", applied {Day(DateOnly.FromDateTime(at.UtcDateTime))}" : ", not applied yet")
            : "";

    /// <summary>The account as an admin knows it: its name and CRM id, or the id alone when the cache holds no name.</summary>
    public static string Account(ConflictEntry e) => e.AccountName is { Length: > 0 } name ? $"{name} ({e.AccountId})" : e.AccountId;

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

        WrappedTable.Write(output, Header, Widths, entries.Select(Cells));
        output.WriteLine($"{entries.Count} conflict(s), {entries.Count(e => e.IsOpen)} open");
    }

    private static string[] Cells(ConflictEntry e) =>
    [
        e.Id.ToString(CultureInfo.InvariantCulture), Day(e.DetectedOn), Account(e), e.Field,
        e.CrmValue ?? "(empty)", e.EngineValue ?? "(empty)", e.Action.ToString(), e.IsOpen ? "open" : Resolution(e), e.Rule ?? "",
    ];

    private static object Json(ConflictEntry e) => new
    {
        id = e.Id,
        detectedOn = e.DetectedOn,
        account = e.AccountId,
        accountName = e.AccountName,
        field = e.Field,
        crmValue = e.CrmValue,
        engineValue = e.EngineValue,
        action = e.Action.ToString(),
        rule = e.Rule,
        open = e.IsOpen,
        resolvedOn = e.ResolvedOn,
        resolvedKeep = e.ResolvedKeep is null ? null : Keep(e.ResolvedKeep),
        resolvedBy = e.ResolvedBy,
        appliedAt = e.AppliedAt,
    };
}
