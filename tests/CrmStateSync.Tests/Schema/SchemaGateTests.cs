using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Schema;

/// <summary><c>sync --once</c> checks the schema first and writes nothing into a mismatched org.</summary>
public class SchemaGateTests
{
    [Test]
    public async Task SyncOnce_MismatchedOrg_ExitsSevenWithoutAWrite()
    {
        await using var org = await SchemaOrg.StartAsync("salesforce");
        org.Sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 5 }));
        org.Sandbox.Salesforce.RemovePicklistValue("Account", "CS_Goal_Clarity__c", "Reset");

        var run = CommandRun.Of("sync", "--once", "--config", org.Config());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.SchemaMismatch), run.Output + run.Error);
            Assert.That(run.Error, Does.Contain("CS_Goal_Clarity__c").And.Contain("MISSING_VALUES: Reset").And.Contain("Nothing was written"));
            Assert.That(org.Sandbox.Salesforce.Writes.Requests, Is.Zero);
        });
    }

    [Test]
    public async Task SyncOnceDryRun_MismatchedOrg_PrintsTheProblemsAndPlans()
    {
        await using var org = await SchemaOrg.StartAsync("hubspot");
        org.Sandbox.SeedHubSpot(SandboxSeed.Generate(new SeedOptions { Accounts = 5 }));
        org.Sandbox.HubSpot.RemoveProperty("companies", "cs_next_milestone");

        var run = CommandRun.Of("sync", "--once", "--dry-run", "--config", org.Config());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Output + run.Error);
            Assert.That(run.Error, Does.Contain("cs_next_milestone").And.Contain("Dry run: planning anyway"));
            Assert.That(run.Output, Does.Contain("(dry run)"));
        });
    }

    [Test]
    public async Task SyncOnce_MatchingOrg_Writes()
    {
        await using var org = await SchemaOrg.StartAsync("salesforce");
        org.Sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 5 }));

        var run = CommandRun.Of("sync", "--once", "--config", org.Config());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(org.Sandbox.Salesforce.Writes.Requests, Is.Positive);
        });
    }
}
