using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Tests.Mapping;

public sealed class WriteMapperTests
{
    private static (IReadOnlyDictionary<string, object?> Fields, IReadOnlyList<CrmError> Invalid) Write(WriteMapper mapper, params (string Key, object? Value)[] fields) =>
        mapper.Map(new AccountWrite("acc-1", fields.ToDictionary(f => f.Key, f => f.Value)));

    [TestCase("New Customer", "new_customer", TestName = "crm-schema.md: stage New Customer is written to HubSpot as new_customer")]
    [TestCase("Onboarding", "onboarding", TestName = "crm-schema.md: stage Onboarding is written to HubSpot as onboarding")]
    [TestCase("Adopting", "adopting", TestName = "crm-schema.md: stage Adopting is written to HubSpot as adopting")]
    [TestCase("Healthy", "healthy", TestName = "crm-schema.md: stage Healthy is written to HubSpot as healthy")]
    [TestCase("At-Risk", "at_risk", TestName = "crm-schema.md: stage At-Risk is written to HubSpot as at_risk")]
    [TestCase("Churned", "churned", TestName = "crm-schema.md: stage Churned is written to HubSpot as churned")]
    public void Map_HubSpotStageLabel_InternalValue(string label, string internalValue)
    {
        var (fields, invalid) = Write(Some.HubSpotWriter(), (ManagedField.Stage, label));

        Assert.That(invalid, Is.Empty);
        Assert.That(fields, Is.EquivalentTo(new Dictionary<string, object?> { ["cs_lifecycle_stage"] = internalValue }));
    }

    [Test(Description = "crm-schema.md: the Salesforce picklist values are the labels")]
    public void Map_SalesforceStage_Label()
    {
        var (fields, _) = Write(Some.SalesforceWriter(), (ManagedField.Stage, "At-Risk"));

        Assert.That(fields, Does.ContainKey("Customer_Lifecycle_Stage__c").WithValue("At-Risk"));
    }

    [TestCase(StateValue.Hit, "hit", "Hit", TestName = "crm-schema.md: state value Hit is hit on HubSpot, Hit on Salesforce")]
    [TestCase(StateValue.Slipping, "slipping", "Slipping", TestName = "crm-schema.md: state value Slipping is slipping on HubSpot, Slipping on Salesforce")]
    [TestCase(StateValue.Reset, "reset", "Reset", TestName = "crm-schema.md: state value Reset is reset on HubSpot, Reset on Salesforce")]
    public void Map_StateValue_PicklistValue(StateValue value, string hubSpot, string salesforce)
    {
        var key = ManagedField.State(CsState.OutcomeAttribution);

        Assert.That(Write(Some.HubSpotWriter(), (key, value)).Fields, Does.ContainKey("cs_outcome_attribution").WithValue(hubSpot));
        Assert.That(Write(Some.SalesforceWriter(), (key, value)).Fields, Does.ContainKey("CS_Outcome_Attribution__c").WithValue(salesforce));
    }

    [Test]
    public void Map_StateValueAsText_Translated() =>
        Assert.That(Write(Some.HubSpotWriter(), (ManagedField.State(CsState.GoalClarity), "Slipping")).Fields,
            Does.ContainKey("cs_goal_clarity").WithValue("slipping"));

    [Test(Description = "crm-apis.md: a date is written as YYYY-MM-DD (HubSpot reads it as midnight UTC)")]
    public void Map_Dates_YyyyMmDd()
    {
        var (fields, invalid) = Write(Some.HubSpotWriter(),
            (ManagedField.StageEntryDate("At-Risk"), new DateOnly(2026, 5, 9)),
            (ManagedField.StateVerified(CsState.DailyWorkIntegration), new DateOnly(2026, 12, 31)));

        Assert.That(invalid, Is.Empty);
        Assert.That(fields, Is.EquivalentTo(new Dictionary<string, object?>
        {
            ["cs_at_risk_entry_date"] = "2026-05-09",
            ["cs_daily_work_integration_verified"] = "2026-12-31",
        }));
    }

    [Test]
    public void Map_IntBoolAndText_NumberBooleanString()
    {
        var (fields, _) = Write(Some.SalesforceWriter(),
            (ManagedField.MilestonesCompleted, 3), (ManagedField.MilestoneStalled, true), (ManagedField.StageReason, "won 2026-01-31"));

        Assert.Multiple(() =>
        {
            Assert.That(fields["CS_Milestones_Completed__c"], Is.TypeOf<double>().And.EqualTo(3.0));
            Assert.That(fields["CS_Milestone_Stalled__c"], Is.EqualTo(true));
            Assert.That(fields["Lifecycle_Stage_Reason__c"], Is.EqualTo("won 2026-01-31"));
        });
    }

    [Test(Description = "crm-apis.md: null clears a field")]
    public void Map_Null_ClearsField()
    {
        var (fields, invalid) = Write(Some.SalesforceWriter(),
            (ManagedField.Divergence, null), (ManagedField.Stage, null), (ManagedField.OverrideReason, null), (ManagedField.MilestoneStalledSince, null));

        Assert.That(invalid, Is.Empty);
        Assert.That(fields, Is.EquivalentTo(new Dictionary<string, object?>
        {
            ["CS_Divergence__c"] = null, ["Customer_Lifecycle_Stage__c"] = null, ["Lifecycle_Override_Reason__c"] = null, ["CS_Milestone_Stalled_Since__c"] = null,
        }));
    }

    [Test(Description = "sync.md: a value the org would refuse is caught before sending and recorded as invalid, with the field and reason")]
    public void Map_UnmappedKey_InvalidBeforeSendOthersKept()
    {
        var (fields, invalid) = Write(Some.SalesforceWriter(), (ManagedField.TimeToValueDays, 42), (ManagedField.Divergence, "stage Healthy, 2 states slipping"));

        Assert.That(invalid, Has.Count.EqualTo(1));
        Assert.That(invalid[0].Code, Is.EqualTo(WriteMapper.InvalidCode).And.EqualTo("INVALID_BEFORE_SEND"));
        Assert.That(invalid[0].Fields, Is.EqualTo(new[] { "timeToValueDays" }));
        Assert.That(invalid[0].Message, Does.Contain("timeToValueDays"));
        Assert.That(fields, Is.EquivalentTo(new Dictionary<string, object?> { ["CS_Divergence__c"] = "stage Healthy, 2 states slipping" }));
    }

    [TestCase(ManagedField.Stage, "Expanding", "cs_lifecycle_stage", TestName = "sync.md invalid vs rejected: a stage that is not a picklist value is invalid before sending")]
    [TestCase("state:goalClarity", "Maybe", "cs_goal_clarity", TestName = "sync.md invalid vs rejected: a state value that is not a picklist value is invalid before sending")]
    public void Map_UnknownPicklistValue_InvalidBeforeSend(string key, string value, string field)
    {
        var (fields, invalid) = Write(Some.HubSpotWriter(), (key, value), (ManagedField.NextMilestone, "first_outcome"));

        Assert.That(invalid.Select(e => (e.Code, e.Fields.Single())), Is.EqualTo(new[] { ("INVALID_BEFORE_SEND", field) }));
        Assert.That(invalid[0].Message, Does.Contain(value));
        Assert.That(fields, Is.EquivalentTo(new Dictionary<string, object?> { ["cs_next_milestone"] = "first_outcome" }));
    }

    [Test(Description = "crm-schema.md: cs_time_to_value_days is a number the worker writes on HubSpot")]
    public void Map_HubSpotTimeToValue_Number() =>
        Assert.That(Write(Some.HubSpotWriter(), (ManagedField.TimeToValueDays, 42)).Fields, Does.ContainKey("cs_time_to_value_days").WithValue(42.0));
}
