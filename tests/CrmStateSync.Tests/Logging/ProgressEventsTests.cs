using System.Text.Json;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Tests.Crash;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Logging;

/// <summary>
/// issue 13 "Progress" through the real executable against the sandbox, stderr redirected (so JSON logs, no live line):
/// long commands log structured progress events (Operation, Phase, Done, Total, Rate) at most once per
/// <c>Worker:ProgressInterval</c>, never on standard output, with no secret in them; the cycle's summary is a structured
/// event with each count a property, and the printed summary line is unchanged.
/// </summary>
public class ProgressEventsTests
{
    private const string Secret = "sfsecret-Pq4Zx9Lm-PROGRESS-3c81";
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    [Test(Description = "Progress: sync --once logs progress events with operation, phase, done and rate (total where known) at most once per interval, on stderr only")]
    public async Task SyncOnce_ShortProgressInterval_LogsBoundedProgressEventsOnStandardError()
    {
        await using var sandbox = await StartSandboxAsync(600);
        using var folder = new TempFolder();
        using var sync = WorkerProcess.Start(Environment(), "sync", "--once", "--config", Config(folder, sandbox));
        var exitCode = await sync.WaitAsync();

        var events = Events(sync.StandardError);
        var progress = events.Where(e => e.TryGetProperty("Phase", out _) && !e.TryGetProperty("@l", out _)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, sync.Printed);
            Assert.That(progress, Is.Not.Empty, "a cycle longer than the interval logs progress");
            Assert.That(progress.Select(e => e.GetProperty("Operation").GetString()), Is.All.EqualTo("sync"));
            Assert.That(progress.All(e => e.TryGetProperty("Done", out _) && e.TryGetProperty("Rate", out _)), Is.True);
            Assert.That(progress.Where(e => e.GetProperty("Phase").GetString() == "evaluate").All(e => e.TryGetProperty("Total", out _)), Is.True, "evaluate knows its total");
            Assert.That(progress, Has.Count.LessThanOrEqualTo(MostEvents(progress)), "at most one event per interval");
            Assert.That(sync.StandardOutput, Does.Not.Contain("Progress").And.Not.Contain("\"Phase\""), "progress never goes to stdout");
            Assert.That(sync.Printed, Does.Not.Contain(Secret));
        });
    }

    [Test(Description = "One logging configuration: the cycle summary is a structured event with each count a property; the printed summary line keeps its text")]
    public async Task SyncOnce_CycleSummary_IsAStructuredEventWithEachCount()
    {
        await using var sandbox = await StartSandboxAsync(40);
        using var folder = new TempFolder();
        using var sync = WorkerProcess.Start(Environment(), "sync", "--once", "--config", Config(folder, sandbox));
        var exitCode = await sync.WaitAsync();

        var summary = Events(sync.StandardError).Single(e => e.TryGetProperty("@mt", out var mt) && mt.GetString()!.StartsWith("Sync cycle", StringComparison.Ordinal));
        string[] counts = ["Read", "Problems", "Evaluated", "Written", "Rejected", "Conflicts", "Transitions", "Tasks", "ApiCalls"];
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, sync.Printed);
            Assert.That(counts.Where(c => !summary.TryGetProperty(c, out var v) || v.ValueKind != JsonValueKind.Number), Is.Empty, "each count a number property");
            Assert.That(summary.GetProperty("Evaluated").GetInt32(), Is.EqualTo(40));
            Assert.That(summary.GetProperty("Outcome").GetString(), Is.EqualTo("ok"));
            Assert.That(summary.TryGetProperty("Duration", out _), Is.True);
            Assert.That(sync.StandardOutput, Does.Match(@"^ok: read \d+ \(0 problems\), evaluated 40, written \d+, rejected 0, conflicts \d+, transitions \d+, tasks \d+, API calls \d+\r?\n"));
        });
    }

    [Test(Description = "Progress: a backfill logs its replay and write progress of a known total")]
    public async Task Backfill_ShortProgressInterval_LogsProgressOfReplayWithTotal()
    {
        await using var sandbox = await StartSandboxAsync(600);
        using var folder = new TempFolder();
        using var backfill = WorkerProcess.Start(Environment(), "backfill", "--config", Config(folder, sandbox));
        var exitCode = await backfill.WaitAsync();

        var progress = Events(backfill.StandardError).Where(e => e.TryGetProperty("Phase", out _) && !e.TryGetProperty("@l", out _)).ToList();
        var summary = Events(backfill.StandardError).Single(e => e.TryGetProperty("@mt", out var mt) && mt.GetString()!.StartsWith("Backfill", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, backfill.Printed);
            Assert.That(progress, Is.Not.Empty);
            Assert.That(progress.Select(e => e.GetProperty("Operation").GetString()), Is.All.EqualTo("backfill"));
            Assert.That(progress.Where(e => e.GetProperty("Phase").GetString() is "replay" or "write").All(e => e.TryGetProperty("Total", out _)), Is.True);
            Assert.That(progress, Has.Count.LessThanOrEqualTo(MostEvents(progress)), "at most one event per interval");
            Assert.That(summary.GetProperty("Accounts").GetInt32(), Is.EqualTo(600), "the backfill summary is structured too");
            Assert.That(backfill.StandardOutput, Does.Not.Contain("\"Phase\""));
            Assert.That(backfill.Printed, Does.Not.Contain(Secret));
        });
    }

    private static async Task<SandboxServer> StartSandboxAsync(int accounts)
    {
        var sandbox = new SandboxServer(new SandboxOptions { SalesforceClientSecret = Secret });
        sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = accounts }));
        await sandbox.StartAsync();
        return sandbox;
    }

    /// <summary>The secret from the environment, as a deployment passes it.</summary>
    private static Dictionary<string, string> Environment() => new() { ["CRMSTATESYNC_Crm__Salesforce__ClientSecret"] = Secret };

    private static string Config(TempFolder folder, SandboxServer sandbox) => folder.Write("appsettings.json", JsonSerializer.Serialize(new
    {
        Worker = new { Provider = "salesforce", OrgId = "org-progress", DatabasePath = Path.Combine(folder.Path, "state.db"), ProgressInterval = Interval.ToString("c") },
        Crm = new { Salesforce = new { LoginUrl = sandbox.Url.ToString(), ClientId = sandbox.Options.SalesforceClientId } },
    }));

    /// <summary>The compact JSON events of a redirected standard error.</summary>
    internal static List<JsonElement> Events(string standardError) =>
    [
        .. standardError.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('{'))
            .Select(l => { using var doc = JsonDocument.Parse(l); return doc.RootElement.Clone(); }),
    ];

    /// <summary>
    /// The most events a bounded rate allows over the span they were logged in: one per interval, and the first. (The
    /// events' wall-clock stamps are taken after the monotonic clock the interval is measured on, so two neighbours may
    /// stand a little closer than the interval on a busy machine; their number over the span may not exceed it.)
    /// </summary>
    private static int MostEvents(List<JsonElement> events)
    {
        var times = events.Select(e => e.GetProperty("@t").GetDateTimeOffset()).ToList();
        return times.Count == 0 ? 0 : (int)((times[^1] - times[0]) / Interval) + 2;
    }
}
