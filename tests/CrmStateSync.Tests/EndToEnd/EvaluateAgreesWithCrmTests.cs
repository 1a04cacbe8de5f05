using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Snapshots;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// Issue "Rules, third round": what <c>evaluate</c> prints and what a sync writes to the CRM agree for every field — the
/// same accounts, the same as-of date, no worker memory on either side (the sample file's <c>lastWritten</c> removed).
/// </summary>
public class EvaluateAgreesWithCrmTests
{
    [TestCase("salesforce")]
    [TestCase("hubspot")]
    public async Task FirstSync_SampleAccounts_WritesWhatEvaluatePrints(string crm)
    {
        using var folder = new TempFolder();
        var input = folder.Write("snapshots.json", WithoutWorkerMemory(await File.ReadAllTextAsync(RepoPaths.Snapshots)));
        var batch = SnapshotFileReader.Read(input);
        var printed = CommandRun.Of("evaluate", "--input", input);
        await using var s = await SyncScenario.StartAsync(batch.Accounts, crm: crm);
        s.WorkerClock = new FixedClock(batch.AsOf!.Value.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        await s.RestartAsync();

        var cycle = await s.CycleAsync();

        var compared = 0;
        var differences = new List<string>();
        foreach (var result in printed.Json().GetProperty("results").EnumerateArray())
        {
            var name = result.GetProperty("name").GetString()!;
            foreach (var (key, expected) in Fields(result).Where(f => s.Maps(f.Key)))
            {
                compared++;
                var actual = s.Text(name, key);
                if (!string.Equals(actual, expected, StringComparison.Ordinal))
                {
                    differences.Add($"{name} {key}: evaluate '{expected}', CRM '{actual}'");
                }
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(printed.ExitCode, Is.Zero, printed.Error);
            Assert.That(cycle.Summary.Outcome, Is.EqualTo("ok"), cycle.Summary.ToString());
            Assert.That(compared, Is.GreaterThan(batch.Accounts.Count * 10), "every account's fields were compared");
            Assert.That(differences, Is.Empty);
        });
    }

    /// <summary>The managed fields of one printed result, as canonical text (null for an empty field).</summary>
    private static IEnumerable<(string Key, string? Value)> Fields(JsonElement result)
    {
        var stage = result.GetProperty("stage");
        yield return (ManagedField.Stage, Text(stage.GetProperty("value")));
        yield return (ManagedField.TimeToValueDays, Text(stage.GetProperty("timeToValueDays")));
        foreach (var entry in stage.GetProperty("entryDates").EnumerateObject())
        {
            yield return (ManagedField.StageEntryDate(entry.Name), Text(entry.Value));
        }

        foreach (var state in result.GetProperty("states").EnumerateObject())
        {
            yield return ("state:" + state.Name, Text(state.Value.GetProperty("value")));
            yield return ("stateVerified:" + state.Name, Text(state.Value.GetProperty("verifiedOn")));
        }

        var milestones = result.GetProperty("milestones");
        yield return (ManagedField.MilestonesCompleted, Text(milestones.GetProperty("completed")));
        yield return (ManagedField.MilestoneStalled, Text(milestones.GetProperty("stalled")));
        foreach (var done in milestones.GetProperty("completedOn").EnumerateObject())
        {
            yield return (ManagedField.Milestone(done.Name), Text(done.Value));
        }

        yield return (ManagedField.Divergence, Text(result.GetProperty("divergence").GetProperty("text")));
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetDecimal().ToString(CultureInfo.InvariantCulture),
        _ => value.GetString() is { Length: > 0 } text ? text : null,
    };

    /// <summary>The sample accounts without <c>lastWritten</c>: a first sync has no memory of earlier writes either.</summary>
    private static string WithoutWorkerMemory(string json)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var account in root["accounts"]!.AsArray())
        {
            account!.AsObject().Remove("lastWritten");
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
