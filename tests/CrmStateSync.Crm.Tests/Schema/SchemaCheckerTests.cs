using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Crm.Schema;
using CrmStateSync.Rules.Configuration;

namespace CrmStateSync.Crm.Tests.Schema;

/// <summary>The schema check (crm-schema.md, sync.md "schema check") on described orgs, without HTTP.</summary>
public class SchemaCheckerTests
{
    private static readonly IReadOnlyList<ExpectedField> Salesforce = ExpectedSchema.For("salesforce", DefaultMappings.Salesforce(), CompiledRules.Default);

    private static SchemaFinding Finding(SchemaReport report, string field) => report.Findings.Single(f => f.Expected.Field == field);

    [TestCase("salesforce")]
    [TestCase("hubspot")]
    public void Check_CompleteOrg_EveryFieldOk(string provider)
    {
        var expected = ExpectedSchema.For(provider, provider == "hubspot" ? DefaultMappings.HubSpot() : DefaultMappings.Salesforce(), CompiledRules.Default);

        var report = SchemaChecker.Check(expected, new CompleteOrg(expected).Descriptions);

        Assert.That(report.Problems.Select(p => $"{p.Expected.Field}: {p.Detail}"), Is.Empty);
    }

    [Test]
    public void Check_MissingField_Missing()
    {
        var org = new CompleteOrg(Salesforce).Change(CrmObject.Account, "CS_Goal_Clarity__c", _ => null);

        var report = SchemaChecker.Check(Salesforce, org.Descriptions);

        Assert.Multiple(() =>
        {
            Assert.That(report.IsOk, Is.False);
            Assert.That(Finding(report, "CS_Goal_Clarity__c").Verdict, Is.EqualTo(SchemaVerdict.Missing));
            Assert.That(report.Problems, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Check_MissingObject_EveryFieldOfItMissing()
    {
        var described = new CompleteOrg(Salesforce).Descriptions.ToDictionary(d => d.Key, d => d.Key == CrmObject.Usage ? null : d.Value);

        var report = SchemaChecker.Check(Salesforce, described);

        Assert.That(report.Problems.Select(p => p.Expected.Kind).Distinct(), Is.EqualTo(new[] { CrmObject.Usage }));
    }

    [TestCase("Lifecycle_Adopting_Entry_Date__c", CrmFieldType.DateTime, TestName = "Check_EntryDateAsDatetime_WrongType")]
    [TestCase("Customer_Lifecycle_Stage__c", CrmFieldType.Text, TestName = "Check_StageAsText_WrongType")]
    [TestCase("CS_Milestones_Completed__c", CrmFieldType.Text, TestName = "Check_CountAsText_WrongType")]
    [TestCase("CS_Milestone_Stalled__c", CrmFieldType.Picklist, TestName = "Check_StalledFlagAsPicklist_WrongType")]
    public void Check_WrittenFieldOfAnotherType_WrongType(string field, CrmFieldType type)
    {
        var org = new CompleteOrg(Salesforce).Change(CrmObject.Account, field, f => f with { Type = type });

        Assert.That(Finding(SchemaChecker.Check(Salesforce, org.Descriptions), field).Verdict, Is.EqualTo(SchemaVerdict.WrongType));
    }

    [Test]
    public void Check_ReadInputAsPicklistOrDatetime_Ok()
    {
        var org = new CompleteOrg(Salesforce)
            .Change(CrmObject.Account, "CS_Primary_Goal__c", f => f with { Type = CrmFieldType.Picklist })
            .Change(CrmObject.Opportunity, "CloseDate", f => f with { Type = CrmFieldType.DateTime });

        Assert.That(SchemaChecker.Check(Salesforce, org.Descriptions).IsOk, Is.True, "the worker reads these leniently");
    }

    [Test]
    public void Check_FormulaFieldNotCalculated_WrongType()
    {
        var org = new CompleteOrg(Salesforce).Change(CrmObject.Account, "Days_in_Current_Stage__c", f => f with { Calculated = false, Updateable = true });

        Assert.That(Finding(SchemaChecker.Check(Salesforce, org.Descriptions), "Days_in_Current_Stage__c").Verdict, Is.EqualTo(SchemaVerdict.WrongType));
    }

    [Test]
    public void Check_MissingPicklistValue_ListsIt()
    {
        var org = new CompleteOrg(Salesforce).Change(CrmObject.Account, "Customer_Lifecycle_Stage__c", f => f with { Options = [.. f.Options.Where(o => o.Value != "At-Risk")] });

        var finding = Finding(SchemaChecker.Check(Salesforce, org.Descriptions), "Customer_Lifecycle_Stage__c");

        Assert.Multiple(() =>
        {
            Assert.That(finding.Verdict, Is.EqualTo(SchemaVerdict.MissingValues));
            Assert.That(finding.MissingValues, Is.EqualTo(new[] { "At-Risk" }));
            Assert.That(finding.Detail, Is.EqualTo("MISSING_VALUES: At-Risk"));
        });
    }

    [Test]
    public void Check_InactivePicklistValue_CountsAsMissing()
    {
        var org = new CompleteOrg(Salesforce).Change(CrmObject.Account, "CS_Goal_Clarity__c",
            f => f with { Options = [.. f.Options.Select(o => o.Value == "Reset" ? o with { Active = false } : o)] });

        Assert.That(Finding(SchemaChecker.Check(Salesforce, org.Descriptions), "CS_Goal_Clarity__c").MissingValues, Is.EqualTo(new[] { "Reset" }));
    }

    [Test]
    public void Check_WrittenFieldNotUpdateable_ReadOnly()
    {
        var org = new CompleteOrg(Salesforce).Change(CrmObject.Account, "CS_Divergence__c", f => f with { Updateable = false });

        Assert.That(Finding(SchemaChecker.Check(Salesforce, org.Descriptions), "CS_Divergence__c").Verdict, Is.EqualTo(SchemaVerdict.ReadOnly));
    }

    [Test]
    public void Check_ReadInputNotUpdateable_Ok()
    {
        var org = new CompleteOrg(Salesforce).Change(CrmObject.Account, "CS_Kickoff_On__c", f => f with { Updateable = false });

        Assert.That(SchemaChecker.Check(Salesforce, org.Descriptions).IsOk, Is.True, "an input only needs to be readable");
    }

    [Test]
    public void Check_ConfiguredExtraStage_RequiresItsPicklistValue()
    {
        var rules = WithExtraStage("Expansion");
        var mapping = DefaultMappings.HubSpot();
        mapping.Picklists["stage"]["Expansion"] = "expansion";
        var defaultOrg = new CompleteOrg(ExpectedSchema.For("hubspot", DefaultMappings.HubSpot(), CompiledRules.Default)).Descriptions;

        var finding = Finding(SchemaChecker.Check(ExpectedSchema.For("hubspot", mapping, rules), defaultOrg), "cs_lifecycle_stage");

        Assert.That(finding.MissingValues, Is.EqualTo(new[] { "expansion" }));
    }

    [Test]
    public void Check_ConfiguredStageWithoutMappedValue_NamesTheMappingKey()
    {
        var expected = ExpectedSchema.For("salesforce", DefaultMappings.Salesforce(), WithExtraStage("Expansion"));

        var finding = Finding(SchemaChecker.Check(expected, new CompleteOrg(expected).Descriptions), "Customer_Lifecycle_Stage__c");

        Assert.That(finding.MissingValues, Is.EqualTo(new[] { "Expansion (no entry Mapping:Picklists:stage:Expansion)" }));
    }

    [Test]
    public void For_RulesWithoutAStage_LeavesItsEntryDateOut()
    {
        var options = new RulesOptions { StageModel = DefaultRules.StageModel(), Divergence = DefaultRules.Divergence() };
        options.StageModel.Stages.RemoveAll(s => s.Name == DefaultRules.Healthy);
        options.Divergence.HiddenRiskStages.Remove(DefaultRules.Healthy);
        options.Divergence.AheadOfStageStages.Remove(DefaultRules.Healthy);

        var expected = ExpectedSchema.For("salesforce", DefaultMappings.Salesforce(), RulesCompiler.Compile(options));

        Assert.That(expected.Select(e => e.Field), Does.Not.Contain("Lifecycle_Healthy_Entry_Date__c").And.Contain("Lifecycle_Adopting_Entry_Date__c"));
    }

    private static CompiledRules WithExtraStage(string name)
    {
        var options = new RulesOptions { StageModel = DefaultRules.StageModel() };
        options.StageModel.Stages.Insert(4, new StageOptions { Name = name, Kind = StageKind.Progression, Criterion = "false", Reason = "never" });
        return RulesCompiler.Compile(options);
    }
}
