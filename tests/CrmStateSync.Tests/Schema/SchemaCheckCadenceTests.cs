using System.Text.Json;
using System.Text.RegularExpressions;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Schema;

/// <summary>
/// Issue "Scale and API economy", item 2: <c>sync --once</c> from cron does not pay a schema check (a token and a
/// describe per object) every tick — at most once a day, remembered in the store, and always again before the first
/// write after a configuration change; the check's calls are in the run's API count.
/// </summary>
public partial class SchemaCheckCadenceTests
{
    private const string Describe = "GET /services/data/{version}/sobjects/{sobject}/describe";
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Test(Description = "No per-sync schema check cost: a second sync --once on the same day asks no describe; the next day checks again")]
    public async Task SyncOnce_TwiceOnADayThenTheNextDay_DescribesOncePerDay()
    {
        await using var sandbox = await StartedAsync();
        using var folder = new TempFolder();
        var config = Config(folder, sandbox, mapping: null);

        var first = Sync(config, Monday, sandbox);
        var second = Sync(config, Monday.AddHours(1), sandbox);
        var nextDay = Sync(config, Monday.AddDays(1), sandbox);

        Assert.Multiple(() =>
        {
            Assert.That((first.Run.ExitCode, second.Run.ExitCode, nextDay.Run.ExitCode), Is.EqualTo((0, 0, 0)), first.Run.Error + second.Run.Error + nextDay.Run.Error);
            Assert.That(first.Describes, Is.EqualTo(4), "the first check describes Account, Opportunity, Contact and the usage object");
            Assert.That(second.Describes, Is.Zero, "the check that passed this morning stands");
            Assert.That(nextDay.Describes, Is.EqualTo(first.Describes), "a new day checks again");
        });
    }

    [Test(Description = "No per-sync schema check cost: the check's calls (token and describes) are in the run's API count")]
    public async Task SyncOnce_WithItsSchemaCheck_CountsEveryCallTheCrmSaw()
    {
        await using var sandbox = await StartedAsync();
        using var folder = new TempFolder();
        var config = Config(folder, sandbox, mapping: null);

        var first = Sync(config, Monday, sandbox);
        var second = Sync(config, Monday.AddHours(1), sandbox);

        Assert.Multiple(() =>
        {
            Assert.That(first.Describes, Is.Positive);
            Assert.That(ApiCalls(first.Run.Output), Is.EqualTo(first.Requests), "the first run's count is every request the CRM answered, the check's included");
            Assert.That(ApiCalls(second.Run.Output), Is.EqualTo(second.Requests), "without a check, the same holds");
        });
    }

    [Test(Description = "No per-sync schema check cost: a configuration change checks again before the first write, even on a day a check passed")]
    public async Task SyncOnce_MappingChangedAfterAPassingCheck_ChecksAgainAndWritesNothing()
    {
        await using var sandbox = await StartedAsync();
        using var folder = new TempFolder();
        var first = Sync(Config(folder, sandbox, mapping: null), Monday, sandbox);
        var writesBefore = sandbox.Salesforce.Writes.Requests;

        // The stage now maps to a field the org does not have.
        var changed = Sync(Config(folder, sandbox, mapping: new { Account = new { stage = "Lifecycle_Stage_Renamed__c" } }), Monday.AddHours(1), sandbox);

        Assert.Multiple(() =>
        {
            Assert.That(first.Run.ExitCode, Is.Zero, first.Run.Error);
            Assert.That(changed.Describes, Is.Positive, "the changed configuration was checked");
            Assert.That(changed.Run.ExitCode, Is.EqualTo(ExitCodes.SchemaMismatch), changed.Run.Error);
            Assert.That(changed.Run.Error, Does.Contain("Lifecycle_Stage_Renamed__c"));
            Assert.That(sandbox.Salesforce.Writes.Requests, Is.EqualTo(writesBefore), "nothing was written");
        });
    }

    private static async Task<SandboxServer> StartedAsync()
    {
        var sandbox = new SandboxServer();
        sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 12 }));
        await sandbox.StartAsync();
        return sandbox;
    }

    private static string Config(TempFolder folder, SandboxServer sandbox, object? mapping) => folder.Write("appsettings.json", JsonSerializer.Serialize(new
    {
        Worker = new { Provider = "salesforce", OrgId = "org-cadence", DatabasePath = Path.Combine(folder.Path, "state.db") },
        Crm = new
        {
            Salesforce = mapping is null
                ? (object)new { LoginUrl = sandbox.Url.ToString(), ClientId = sandbox.Options.SalesforceClientId, ClientSecret = sandbox.Options.SalesforceClientSecret }
                : new { LoginUrl = sandbox.Url.ToString(), ClientId = sandbox.Options.SalesforceClientId, ClientSecret = sandbox.Options.SalesforceClientSecret, Mapping = mapping },
        },
    }));

    /// <summary>One <c>sync --once</c> on <paramref name="at"/>, with the describes and all requests the sandbox answered during it.</summary>
    private static (CommandRun Run, long Describes, long Requests) Sync(string config, DateTimeOffset at, SandboxServer sandbox)
    {
        var before = sandbox.Requests.Counts;
        var run = CommandRun.Of(new FixedClock(at), "sync", "--once", "--config", config);
        var after = sandbox.Requests.Counts;
        long Delta(Func<string, bool> which) => after.Where(kv => which(kv.Key)).Sum(kv => kv.Value) - before.Where(kv => which(kv.Key)).Sum(kv => kv.Value);
        return (run, Delta(k => k == Describe), Delta(_ => true));
    }

    private static long ApiCalls(string output) => long.Parse(ApiCallsText().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"API calls (\d+)")]
    private static partial Regex ApiCallsText();
}
