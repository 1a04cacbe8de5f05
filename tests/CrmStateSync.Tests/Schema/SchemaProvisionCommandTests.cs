using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Schema;

/// <summary><c>schema provision</c>: HubSpot through the sandbox's properties API; Salesforce as a metadata package.</summary>
public class SchemaProvisionCommandTests
{
    private static readonly string[] Removed = ["cs_lifecycle_stage", "cs_goal_clarity_verified", "cs_milestone_stalled", "cs_time_to_value_days"];

    private static async Task<SchemaOrg> GappedHubSpotAsync()
    {
        var org = await SchemaOrg.StartAsync("hubspot");
        foreach (var property in Removed)
        {
            org.Sandbox.HubSpot.RemoveProperty("companies", property);
        }

        org.Sandbox.HubSpot.RemoveOption("companies", "cs_daily_work_integration", "reset");
        return org;
    }

    [Test]
    public async Task Provision_HubSpotGaps_CreatesExactlyTheMissingThenCheckPasses()
    {
        await using var org = await GappedHubSpotAsync();
        var config = org.Config();

        var run = CommandRun.Of("schema", "provision", "--config", config);
        var check = CommandRun.Of("schema", "check", "--config", config);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Output + run.Error);
            Assert.That(org.Sandbox.HubSpot.PropertyWrites, Is.EqualTo(Removed.Length + 2), "one group, the four properties, one options update");
            Assert.That(run.Output, Does.Contain("done     CreateGroup companies.crmstatesync")
                .And.Contain("done     CreateField companies.cs_lifecycle_stage: enumeration/select (new_customer, onboarding, adopting, healthy, at_risk, churned)")
                .And.Contain("done     AddValues   companies.cs_daily_work_integration: reset")
                .And.Contain("the org now matches the mapping"));
            Assert.That(check.ExitCode, Is.EqualTo(ExitCodes.Success), check.Output);
        });
    }

    [Test]
    public async Task ProvisionDryRun_HubSpotGaps_PlansAndCreatesNothing()
    {
        await using var org = await GappedHubSpotAsync();

        var run = CommandRun.Of("schema", "provision", "--dry-run", "--config", org.Config());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Output + run.Error);
            Assert.That(run.Output, Does.Contain("planned  CreateField companies.cs_milestone_stalled: bool/booleancheckbox").And.Contain("6 change(s) planned"));
            Assert.That(org.Sandbox.HubSpot.PropertyWrites, Is.Zero);
        });
    }

    [Test]
    public async Task Provision_HubSpotCalculatedPropertyMissing_PrintsTheManualStepAndExitsSeven()
    {
        await using var org = await SchemaOrg.StartAsync("hubspot");
        org.Sandbox.HubSpot.RemoveProperty("companies", "cs_days_in_current_stage");

        var run = CommandRun.Of("schema", "provision", "--config", org.Config());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.SchemaMismatch), run.Output + run.Error);
            Assert.That(run.Output, Does.Contain("manual   Manual      companies.cs_days_in_current_stage").And.Contain("at_risk -> cs_at_risk_entry_date"));
            Assert.That(org.Sandbox.HubSpot.PropertyWrites, Is.Zero);
        });
    }

    [Test]
    public async Task Provision_Salesforce_WritesThePackageOfTheDefaultMapping()
    {
        await using var org = await SchemaOrg.StartAsync("salesforce");
        var output = Path.Combine(org.Folder.Path, "package");

        var run = CommandRun.Of("schema", "provision", "--config", org.Config(), "--output", output);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Output + run.Error);
            Assert.That(run.Output, Does.Contain("sf project deploy start"));
            Assert.That(PackageFiles(output), Is.EqualTo(PackageFiles(Path.Combine(RepoPaths.Root, "deploy", "salesforce"))));
        });
    }

    /// <summary>Every file under a folder, relative path → text.</summary>
    internal static Dictionary<string, string> PackageFiles(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText);
}
