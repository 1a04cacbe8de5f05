using System.Text.Json;
using CrmStateSync.Crm.Schema;

namespace CrmStateSync.Commands;

/// <summary>The schema check as a table (object, field, key, expected, found, verdict) or JSON.</summary>
internal static class SchemaCheckWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static void Write(TextWriter output, string provider, SchemaReport report, string format)
    {
        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(new { provider, ok = report.IsOk, findings = report.Findings.Select(Row) }, JsonOptions));
            return;
        }

        output.WriteLine($"{"object",-12} {"field",-38} {"key",-34} {"expected",-22} {"found",-22} verdict");
        foreach (var f in report.Findings)
        {
            output.WriteLine($"{f.Expected.ObjectName,-12} {f.Expected.Field,-38} {f.Expected.Key,-34} {f.ExpectedText,-22} {f.FoundText,-22} {f.Detail}");
        }

        output.WriteLine(report.IsOk
            ? $"{report.Findings.Count} fields checked: the org matches the mapping"
            : $"{report.Findings.Count} fields checked: {report.Problems.Count} problem(s); `schema provision` creates what is missing");
    }

    private static object Row(SchemaFinding f) => new
    {
        @object = f.Expected.ObjectName,
        field = f.Expected.Field,
        key = f.Expected.Key,
        expected = f.ExpectedText,
        found = f.FoundText,
        verdict = f.VerdictText,
        missingValues = f.MissingValues,
    };
}
