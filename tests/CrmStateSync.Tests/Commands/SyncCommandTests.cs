using System.Text.Json;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary><c>sync --once</c> against a configured org (the loopback sandbox), through the real configuration binding.</summary>
public class SyncCommandTests
{
    private const string Secret = "s3cret-value-for-tests";

    private static async Task<SandboxServer> SandboxAsync(int accounts = 12)
    {
        var sandbox = new SandboxServer(new SandboxOptions { SalesforceClientSecret = Secret });
        sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = accounts }));
        await sandbox.StartAsync();
        return sandbox;
    }

    private static string Config(TempFolder folder, Uri sandbox, string secret = Secret, object? extra = null)
    {
        var settings = new Dictionary<string, object?>
        {
            ["Worker"] = new { Provider = "salesforce", OrgId = "00Dsandbox", DatabasePath = Path.Combine(folder.Path, "state.db") },
            ["Crm"] = new { Salesforce = new { LoginUrl = sandbox.ToString(), ClientId = "sandbox-client", ClientSecret = secret } },
        };
        if (extra is not null)
        {
            settings["Rules"] = extra;
        }

        return folder.Write("appsettings.json", JsonSerializer.Serialize(settings));
    }

    [Test]
    public async Task SyncOnce_ConfiguredOrg_WritesThenWritesNothing()
    {
        await using var sandbox = await SandboxAsync();
        using var folder = new TempFolder();
        var config = Config(folder, sandbox.Url);

        var first = CommandRun.Of("sync", "--once", "--config", config);
        var second = CommandRun.Of("sync", "--once", "--config", config);

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Error);
            Assert.That(first.Output, Does.Match(@"written [1-9]\d*"));
            Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Success), second.Error);
            Assert.That(second.Output, Does.Contain("written 0,"), "a second cycle with nothing changed writes nothing");
        });
    }

    [Test]
    public async Task SyncOnce_OneProcessPerRun_EvaluatesEveryAccountOncePerDayOnly()
    {
        // sync.md step 5 "every account once per day": remembered in the store, so a cron-driven `sync --once` (a new
        // process each time) evaluates only the changed accounts after the day's first run.
        await using var sandbox = await SandboxAsync();
        using var folder = new TempFolder();
        var config = Config(folder, sandbox.Url);
        var today = CommandRun.DefaultClock;
        var tomorrow = new FixedClock(today.GetUtcNow().AddDays(1));

        var first = CommandRun.Of(today, "sync", "--once", "--config", config);
        _ = CommandRun.Of(today, "sync", "--once", "--config", config);
        var third = CommandRun.Of(today, "sync", "--once", "--config", config);
        var nextDay = CommandRun.Of(tomorrow, "sync", "--once", "--config", config);

        Assert.Multiple(() =>
        {
            Assert.That(first.Output, Does.Contain("evaluated 12,"));
            // The overlap re-reads the last minutes' records; identical copies change nothing, so nothing is evaluated.
            Assert.That(third.Output, Does.Contain("evaluated 0,").And.Contain("written 0,"), "nothing changed: nothing evaluated");
            Assert.That(nextDay.Output, Does.Contain("evaluated 12,"), "a new day: every account again");
        });
    }

    [Test]
    public async Task SyncOnce_MoreAccountsThanOneChunk_SettlesEveryChunkAndLeavesNothingChanged()
    {
        // 1,100 accounts: two chunks of evaluation, tasks and journaled writes before the cursors move.
        var sandbox = new SandboxServer(new SandboxOptions { SalesforceClientSecret = Secret });
        await using var _ = sandbox;
        sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 1_100, UsageDays = 7 }));
        await sandbox.StartAsync();
        using var folder = new TempFolder();
        var config = Config(folder, sandbox.Url);

        var first = CommandRun.Of("sync", "--once", "--config", config);
        var second = CommandRun.Of("sync", "--once", "--config", config);

        Assert.Multiple(() =>
        {
            Assert.That(first.Output, Does.Contain("evaluated 1100, written 1100,"), first.Error);
            Assert.That(sandbox.Salesforce.Writes.Requests, Is.EqualTo(6), "⌈1100/200⌉ composite updates: chunking adds no call");
            Assert.That(second.Output, Does.Contain("evaluated 0, written 0,"), "every chunk's changed marks were cleared");
        });
    }

    [Test]
    public async Task SyncOnceDryRun_PrintsThePlanAndWritesNothing()
    {
        await using var sandbox = await SandboxAsync();
        using var folder = new TempFolder();
        var config = Config(folder, sandbox.Url);
        var before = sandbox.Salesforce.ApiUsed;

        var dry = CommandRun.Of("sync", "--once", "--dry-run", "--format", "json", "--config", config);
        var real = CommandRun.Of("sync", "--once", "--config", config);

        Assert.Multiple(() =>
        {
            Assert.That(dry.ExitCode, Is.EqualTo(ExitCodes.Success), dry.Error);
            Assert.That(dry.Json().GetProperty("writes").GetArrayLength(), Is.GreaterThan(0), "stdout is one JSON document, nothing else");
            Assert.That(dry.Output, Does.Contain("\"writes\"").And.Contain("\"crmValue\"").And.Contain("\"newValue\""));
            Assert.That(dry.Error, Does.Contain("written 0,").And.Contain("(dry run)"), "the summary goes to stderr beside a JSON plan");
            Assert.That(real.Output, Does.Match(@"written [1-9]\d*"), "the dry run left the writes to the real cycle");
            Assert.That(sandbox.Salesforce.ApiUsed, Is.GreaterThan(before));
        });
    }

    [Test]
    public async Task SyncOnce_WrongSecret_FailsNamingTheCredentialNotItsValue()
    {
        await using var sandbox = await SandboxAsync();
        using var folder = new TempFolder();
        const string wrong = "wrong-secret-do-not-print";

        var run = CommandRun.Of("sync", "--once", "--config", Config(folder, sandbox.Url, wrong));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.AuthenticationFailure));
            Assert.That(run.Error, Does.Contain("Crm:Salesforce:ClientSecret").And.Contain("invalid_client"));
            Assert.That(run.Error + run.Output, Does.Not.Contain(wrong));
        });
    }

    [Test]
    public void SyncOnce_BadConfiguration_ListsEveryProblemWithItsKey()
    {
        using var folder = new TempFolder();
        var config = folder.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            Worker = new { Provider = "dynamics", Interval = "00:00:01" },
            Sync = new { WriteChunk = 0 },
            Rules = new { Thresholds = new { OutcomeCycleDays = -5 } },
        }));

        var run = CommandRun.Of("sync", "--once", "--config", config);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("Worker:Provider").And.Contain("Worker:OrgId").And.Contain("Worker:Interval")
                .And.Contain("Sync:WriteChunk").And.Contain("Rules:Thresholds:OutcomeCycleDays"));
        });
    }

    [Test]
    public void SyncOnce_SalesforceWithoutCredentials_ListsTheMissingKeys()
    {
        using var folder = new TempFolder();
        var config = folder.Write("appsettings.json", JsonSerializer.Serialize(new { Worker = new { Provider = "salesforce", OrgId = "00D" } }));

        var run = CommandRun.Of("sync", "--once", "--config", config);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("Crm:Salesforce:ClientId").And.Contain("Crm:Salesforce:ClientSecret"));
        });
    }

    [Test(Description = "sync.md backfill: the go-live migration against the configured org, then a normal cycle has nothing to write")]
    public async Task Backfill_ConfiguredOrg_WritesHistoricalValuesThenSyncWritesNothing()
    {
        await using var sandbox = await SandboxAsync();
        using var folder = new TempFolder();
        var config = Config(folder, sandbox.Url);

        var backfill = CommandRun.Of("backfill", "--config", config);
        var sync = CommandRun.Of("sync", "--once", "--config", config);

        Assert.Multiple(() =>
        {
            Assert.That(backfill.ExitCode, Is.EqualTo(ExitCodes.Success), backfill.Error);
            Assert.That(backfill.Output, Does.Contain("(configured org)").And.Match(@"written [1-9]"));
            Assert.That(sync.Output, Does.Contain("written 0,"), "the backfill left nothing for the first normal cycle");
        });
    }
}
