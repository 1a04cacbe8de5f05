using System.Text.Json;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary>
/// Issue 13 item 8: the dry-run plan of a large org is readable. <c>--limit N</c> bounds the table and counts the rest;
/// <c>--account ID</c> shows one account's plan in full, every value with its reason. Through <see cref="Program.Run"/>
/// against a sandbox org.
/// </summary>
public class SyncPlanViewTests
{
    private const int Accounts = 12;
    private SandboxServer _sandbox = null!;
    private TempFolder _folder = null!;
    private string _config = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sandbox = new SandboxServer(new SandboxOptions());
        _sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = Accounts }));
        await _sandbox.StartAsync();
        _folder = new TempFolder();
        _config = SandboxWorkerConfig.Write(_folder, _sandbox, new { Provider = "salesforce", OrgId = "00Dplan", DatabasePath = Path.Combine(_folder.Path, "state.db") });
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _sandbox.DisposeAsync();
        _folder.Dispose();
    }

    private CommandRun Sync(params string[] args) => CommandRun.Of([.. args.Prepend("--once").Prepend("sync"), "--config", _config]);

    /// <summary>An account with a unique name whose stage the first sync writes.</summary>
    private (string Id, string Name) SomeAccount()
    {
        var stageWrites = Sync("--dry-run", "--format", "json").Json().GetProperty("writes").EnumerateArray()
            .Where(w => w.GetProperty("field").GetString() == "stage").Select(w => w.GetProperty("account").GetString()).ToHashSet();
        var accounts = _sandbox.Salesforce.TableOf("Account").Ordered();
        var unique = accounts.GroupBy(a => (string)a["Name"]!).Where(g => g.Count() == 1).Select(g => g.Single()).First(a => stageWrites.Contains(a.Id));
        return (unique.Id, (string)unique["Name"]!);
    }

    [Test]
    public void DryRunLimit_Table_ListsNAccountsAndCountsTheRest()
    {
        var all = Sync("--dry-run");
        var limited = Sync("--dry-run", "--limit", "3");

        var accountsListed = Rows(limited).Select(r => r.Split(' ')[0]).Distinct().Count();
        Assert.Multiple(() =>
        {
            Assert.That(limited.ExitCode, Is.EqualTo(ExitCodes.Success), limited.Error);
            Assert.That(accountsListed, Is.EqualTo(3));
            Assert.That(limited.Output, Does.Contain($"… {Rows(all).Select(r => r.Split(' ')[0]).Distinct().Count() - 3} more account(s) with"));
            Assert.That(limited.Output, Does.Contain("left out (--limit 3)").And.Contain("--dry-run --account ID"));
            Assert.That(limited.Output.Split('\n'), Has.Length.LessThan(all.Output.Split('\n').Length));
        });
    }

    [Test]
    public void DryRunLimit_Json_CountsWhatWasLeftOut()
    {
        var all = Sync("--dry-run", "--format", "json").Json();
        var limited = Sync("--dry-run", "--format", "json", "--limit", "2").Json();

        var left = limited.GetProperty("leftOut");
        Assert.Multiple(() =>
        {
            Assert.That(limited.GetProperty("writes").EnumerateArray().Select(w => w.GetProperty("account").GetString()).Distinct().Count(), Is.EqualTo(2));
            Assert.That(limited.GetProperty("writes").GetArrayLength() + left.GetProperty("writes").GetInt32(), Is.EqualTo(all.GetProperty("writes").GetArrayLength()));
            Assert.That(left.GetProperty("accounts").GetInt32(), Is.EqualTo(Planned(all) - 2));
        });
    }

    [Test]
    public void DryRunAccount_Table_PrintsEveryFieldInFullWithItsReason()
    {
        var (id, name) = SomeAccount();

        var run = Sync("--dry-run", "--account", id);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output, Does.StartWith($"Plan for account {name} ({id}) as of "));
            Assert.That(run.Output, Does.Contain("field").And.Contain("CRM value").And.Contain("computed value").And.Contain("reason"));
            Assert.That(run.Output, Does.Match(@"\nstage\s+\S.*\s+write\s+\S"), "the stage row: written, with its reason");
            Assert.That(run.Output, Does.Contain("state:goalClarity").And.Contain("stateVerified:goalClarity"));
            Assert.That(run.Output, Does.Not.Contain("…"), "nothing is cut");
            Assert.That(run.Output, Does.Contain("evaluated 1,"), "the summary says one account was evaluated");
        });
    }

    [Test]
    public void DryRunAccount_Json_HasEachFieldsFullValueAndReason()
    {
        var (id, _) = SomeAccount();

        var run = Sync("--dry-run", "--account", id, "--format", "json");

        var fields = run.Json().GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!);
        var stageReason = fields["stageReason"].GetProperty("computedValue").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Json().GetProperty("account").GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(stageReason, Has.Length.GreaterThan(22), "the reason text, not cut at 22 characters");
            Assert.That(fields.Values.Select(f => f.GetProperty("reason").GetString()), Has.All.Not.Empty, "every value has a reason");
            Assert.That(fields["stage"].GetProperty("action").GetString(), Is.EqualTo("write"));
            Assert.That(run.Error, Does.Contain("evaluated 1,"), "beside JSON the summary goes to stderr");
        });
    }

    [Test]
    public void DryRunAccount_ByNameAfterASync_ShowsThatAccountWithNothingToWrite()
    {
        var (id, name) = SomeAccount();
        var first = Sync();

        var run = Sync("--dry-run", "--account", name);

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Error);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output, Does.StartWith($"Plan for account {name} ({id})"), "evaluated although it did not change");
            Assert.That(run.Output, Does.Contain("0 field write(s) planned"));
        });
    }

    [Test]
    public void DryRunAccount_Unknown_FailsOnStderrWithConfigurationError()
    {
        var run = Sync("--dry-run", "--account", "001NOSUCHACCOUNT");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("no account with CRM id or name '001NOSUCHACCOUNT'"));
            Assert.That(run.Output, Is.Empty);
        });
    }

    [TestCase("--account", "001X", TestName = "SyncAccount_WithoutDryRun_IsRefused")]
    [TestCase("--limit", "5", TestName = "SyncLimit_WithoutDryRun_IsRefused")]
    public void PlanOption_WithoutDryRun_IsRefused(string option, string value)
    {
        var run = Sync(option, value);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("use them with --dry-run"));
            Assert.That(File.Exists(Path.Combine(_folder.Path, "state.db")), Is.False, "refused before anything started");
        });
    }

    [Test]
    public void DryRunLimit_Zero_IsRefused() =>
        Assert.That(Sync("--dry-run", "--limit", "0").ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));

    private static int Planned(JsonElement plan) =>
        plan.GetProperty("writes").EnumerateArray().Select(w => w.GetProperty("account").GetString())
            .Union(plan.GetProperty("conflicts").EnumerateArray().Select(c => c.GetProperty("account").GetString())).Count();

    /// <summary>The table's field rows (between the header and the summary line).</summary>
    private static List<string> Rows(CommandRun run) =>
        [.. run.Output.Split(Environment.NewLine).Skip(1).TakeWhile(l => !l.Contains("field writes planned", StringComparison.Ordinal))];
}
