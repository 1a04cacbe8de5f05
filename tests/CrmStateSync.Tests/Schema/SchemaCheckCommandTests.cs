using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Schema;

/// <summary><c>schema check</c> end to end against the sandbox: a complete org passes, each kind of gap is named.</summary>
public class SchemaCheckCommandTests
{
    [TestCase("salesforce")]
    [TestCase("hubspot")]
    public async Task Check_CompleteSandbox_ExitsZero(string crm)
    {
        await using var org = await SchemaOrg.StartAsync(crm);

        var run = CommandRun.Of("schema", "check", "--config", org.Config());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Output + run.Error);
            Assert.That(run.Output, Does.Contain("the org matches the mapping").And.Not.Contain("MISSING"));
        });
    }

    [Test]
    public async Task Check_SalesforceGaps_ExitsSevenNamingEach()
    {
        await using var org = await SchemaOrg.StartAsync("salesforce");
        org.Sandbox.Salesforce.RemoveField("Account", "CS_Goal_Clarity__c");
        org.Sandbox.Salesforce.ChangeFieldType("Account", "Lifecycle_Adopting_Entry_Date__c", "datetime");
        org.Sandbox.Salesforce.RemovePicklistValue("Account", "Customer_Lifecycle_Stage__c", "Churned");
        org.Sandbox.Salesforce.MakeReadOnly("Account", "CS_Divergence__c");

        var run = CommandRun.Of("schema", "check", "--config", org.Config());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.SchemaMismatch), run.Error);
            Assert.That(Row(run, "CS_Goal_Clarity__c"), Does.EndWith("MISSING"));
            Assert.That(Row(run, "Lifecycle_Adopting_Entry_Date__c"), Does.Contain("datetime, updateable").And.EndWith("WRONG_TYPE"));
            Assert.That(Row(run, "Customer_Lifecycle_Stage__c"), Does.EndWith("MISSING_VALUES: Churned"));
            Assert.That(Row(run, "CS_Divergence__c"), Does.EndWith("READ_ONLY"));
            Assert.That(run.Output, Does.Contain("4 problem(s)"));
        });
    }

    [Test]
    public async Task Check_HubSpotGapsAsJson_ListsVerdictsAndMissingValues()
    {
        await using var org = await SchemaOrg.StartAsync("hubspot");
        org.Sandbox.HubSpot.RemoveProperty("companies", "cs_divergence");
        org.Sandbox.HubSpot.ChangePropertyType("companies", "cs_milestones_completed", "string");
        org.Sandbox.HubSpot.RemoveOption("companies", "cs_goal_clarity", "slipping");

        var run = CommandRun.Of("schema", "check", "--format", "json", "--config", org.Config());
        var problems = run.Json().GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("verdict").GetString() != "OK")
            .ToDictionary(f => f.GetProperty("field").GetString()!, f => f.GetProperty("verdict").GetString());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.SchemaMismatch), run.Error);
            Assert.That(problems, Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["cs_divergence"] = "MISSING", ["cs_milestones_completed"] = "WRONG_TYPE", ["cs_goal_clarity"] = "MISSING_VALUES",
            }));
        });
    }

    private static string Row(CommandRun run, string field) =>
        run.Output.Split('\n').Select(l => l.TrimEnd()).Single(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var f, ..] && f == field);
}
