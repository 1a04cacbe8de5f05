using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmStateSync.Reports.Rendering;

/// <summary>
/// The reports as one JSON object: <c>orgId</c>, <c>provider</c>, <c>asOf</c>, then one property per report rendered
/// (<c>velocity</c>, <c>distribution</c>, <c>divergence</c>, <c>runs</c>, <c>conflicts</c>). Inside a report every property is always
/// present (null when there is no value), camelCase, dates ISO, shares as fractions — a stable shape for scripts.
/// </summary>
public static class JsonRenderer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write(TextWriter output, ReportSet set)
    {
        var document = new Dictionary<string, object?> { ["orgId"] = set.OrgId, ["provider"] = set.Provider, ["asOf"] = set.AsOf };
        Add(document, "velocity", set.Velocity);
        Add(document, "distribution", set.Distribution);
        Add(document, "divergence", set.Divergence);
        Add(document, "runs", set.Runs);
        Add(document, "conflicts", set.Conflicts);
        output.WriteLine(JsonSerializer.Serialize(document, Options));
    }

    private static void Add(Dictionary<string, object?> document, string name, object? report)
    {
        if (report is not null)
        {
            document[name] = report;
        }
    }
}
