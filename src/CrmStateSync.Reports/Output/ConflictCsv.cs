using System.Globalization;
using CrmStateSync.Store;

namespace CrmStateSync.Output;

/// <summary>
/// The conflict log as RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they need it, nothing cut. Columns
/// added later (the account's name, who resolved, when applied) come last, so existing consumers keep their positions.
/// </summary>
internal static class ConflictCsv
{
    private static readonly string[] Header =
        ["id", "detected_on", "account", "field", "crm_value", "engine_value", "action", "rule", "resolved_on", "resolved_keep", "account_name", "resolved_by", "applied_at"];

    public static void Write(TextWriter output, IReadOnlyList<ConflictEntry> entries)
    {
        WriteRow(output, Header);
        foreach (var e in entries)
        {
            WriteRow(output,
            [
                e.Id.ToString(CultureInfo.InvariantCulture), ConflictListWriter.Day(e.DetectedOn), e.AccountId, e.Field, e.CrmValue, e.EngineValue,
                e.Action.ToString(), e.Rule, e.ResolvedOn is { } on ? ConflictListWriter.Day(on) : null, ConflictListWriter.Keep(e.ResolvedKeep),
                e.AccountName, e.ResolvedBy, e.AppliedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ]);
        }
    }

    /// <summary>A field as RFC 4180 wants it: quoted (inner quotes doubled) when it holds a comma, a quote or a line break.</summary>
    public static string Field(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void WriteRow(TextWriter output, IEnumerable<string?> fields)
    {
        output.Write(string.Join(',', fields.Select(Field)));
        output.Write("\r\n");
    }
}
