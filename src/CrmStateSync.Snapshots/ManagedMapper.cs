using System.Text.Json;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Snapshots;

/// <summary>Maps <c>managed</c> (the CRM's current values of the worker's fields) and usage metrics.</summary>
internal static class ManagedMapper
{
    public static ManagedValues Map(JsonElement managed, string path, List<(string Path, string Message)> problems)
    {
        var f = new JsonFields(managed, path, problems);
        return new ManagedValues
        {
            Stage = f.String("stage"),
            StageChangedOn = f.Date("stageChangedOn"),
            StageEntryDates = f.Child("stageEntryDates", JsonValueKind.Object) is { } d ? Dates(d, f.At("stageEntryDates"), problems) : new Dictionary<string, DateOnly>(),
            States = f.Child("states", JsonValueKind.Object) is { } s ? States(s, f.At("states"), problems) : StateSet.Empty,
            Milestones = f.Child("milestones", JsonValueKind.Object) is { } m ? Dates(m, f.At("milestones"), problems) : new Dictionary<string, DateOnly>(),
            MilestoneStalled = f.Bool("milestoneStalled"),
            MilestoneStalledSince = f.Date("milestoneStalledSince"),
        };
    }

    public static IReadOnlyDictionary<string, double> Metrics(JsonElement metrics, string path, JsonFields owner)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in metrics.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDouble(out var x) && x >= 0)
            {
                result[p.Name] = x;
            }
            else if (p.Value.ValueKind != JsonValueKind.Null)
            {
                owner.Add($"{path}.{p.Name}", $"{p.Value.GetRawText()} is not a number ≥ 0");
            }
        }

        return result;
    }

    private static Dictionary<string, DateOnly> Dates(JsonElement obj, string path, List<(string, string)> problems)
    {
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var f = new JsonFields(obj, path, problems);
        foreach (var p in obj.EnumerateObject())
        {
            if (f.Date(p.Name) is { } date)
            {
                result[p.Name] = date;
            }
        }

        return result;
    }

    private static StateSet States(JsonElement obj, string path, List<(string Path, string Message)> problems)
    {
        var set = StateSet.Empty;
        foreach (var p in obj.EnumerateObject())
        {
            if (!CsStates.TryParseKey(p.Name, out var state))
            {
                problems.Add(($"{path}.{p.Name}", $"unknown state '{p.Name}' (known: {string.Join(", ", CsStates.All.Select(s => s.Key()))})"));
                continue;
            }

            if (p.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var f = new JsonFields(p.Value, $"{path}.{p.Name}", problems);
            if (f.Enum<StateValue>("value") is { } value)
            {
                set = set.With(state, new StateReading(value, f.Date("verifiedOn")));
            }
        }

        return set;
    }
}
