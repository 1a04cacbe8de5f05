using System.Globalization;
using System.Text.Json;
using CrmStateSync.Store;

namespace CrmStateSync.Output;

/// <summary><c>problems list</c>: the problems as a table (default), RFC 4180 CSV or JSON, in the order they were met.</summary>
public static class ProblemListWriter
{
    private const int MaxCell = 40;

    /// <summary>The problem column is wider: it carries the CRM's code and message.</summary>
    private const int MaxProblem = 80;

    private static readonly string[] Header = ["run", "detected", "object", "record", "field", "value", "problem", "handling", "status"];

    private static readonly string[] CsvHeader = ["id", "run", "detected_at", "object", "record", "field", "value", "problem", "kind", "kept_aside", "open", "closed_at"];

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static void Write(TextWriter output, IReadOnlyList<ProblemEntry> problems, string format)
    {
        switch (format)
        {
            case "csv":
                WriteCsv(output, problems);
                break;
            case "json":
                output.WriteLine(JsonSerializer.Serialize(new { problems = problems.Select(Json) }, JsonOptions));
                break;
            default:
                WriteTable(output, problems);
                break;
        }
    }

    /// <summary>What the worker does about the record: the plain words an admin reads.</summary>
    public static string Handling(ProblemEntry p) => p.Kind switch
    {
        ProblemKind.Rejected => "refused write",
        ProblemKind.Failed when !p.KeptAside => "retried next cycle",
        _ when p.KeptAside => "kept aside",
        _ => "read without it",
    };

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Run(ProblemEntry p) => p.RunId?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static void WriteTable(TextWriter output, IReadOnlyList<ProblemEntry> problems)
    {
        if (problems.Count == 0)
        {
            output.WriteLine("No problems match.");
            return;
        }

        var rows = problems.Select(Cells).Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        output.WriteLine($"{problems.Count} problem(s), {problems.Count(p => p.IsOpen)} open");
    }

    private static string[] Cells(ProblemEntry p) =>
    [
        Run(p), Instant(p.DetectedAt), p.ObjectName, p.RecordId, Fit(p.Field), Fit(p.Value ?? "(empty)"), Fit(p.Message, MaxProblem), Handling(p), p.IsOpen ? "open" : "closed",
    ];

    private static string Fit(string value, int max = MaxCell)
    {
        var oneLine = value.ReplaceLineEndings(" ");
        return oneLine.Length > max ? oneLine[..(max - 1)] + "…" : oneLine;
    }

    private static void WriteCsv(TextWriter output, IReadOnlyList<ProblemEntry> problems)
    {
        WriteRow(output, CsvHeader);
        foreach (var p in problems)
        {
            WriteRow(output,
            [
                p.Id.ToString(CultureInfo.InvariantCulture), Run(p), Instant(p.DetectedAt), p.ObjectName, p.RecordId, p.Field, p.Value, p.Message,
                p.Kind.ToString(), p.KeptAside ? "true" : "false", p.IsOpen ? "true" : "false", p.ClosedAt is { } at ? Instant(at) : null,
            ]);
        }
    }

    private static void WriteRow(TextWriter output, IEnumerable<string?> fields)
    {
        output.Write(string.Join(',', fields.Select(ConflictCsv.Field)));
        output.Write("\r\n");
    }

    private static object Json(ProblemEntry p) => new
    {
        id = p.Id,
        run = p.RunId,
        detectedAt = p.DetectedAt,
        @object = p.ObjectName,
        record = p.RecordId,
        field = p.Field,
        value = p.Value,
        problem = p.Message,
        kind = p.Kind.ToString(),
        keptAside = p.KeptAside,
        handling = Handling(p),
        open = p.IsOpen,
        closedAt = p.ClosedAt,
    };
}
