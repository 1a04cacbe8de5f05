using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;

namespace CrmStateSync.Crm.Tests.Mapping;

/// <summary>sync.md step 3: the CRM's current managed values, as canonical text the diff compares with.</summary>
public class CanonicalMapperManagedTextTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Account_Salesforce_ManagedTextIsCanonical()
    {
        var mapper = new CanonicalMapper(DefaultMappings.Salesforce(), SalesforceValueFormat.Instance);
        var raw = new RawRecord("001A", At, false, new Dictionary<string, string?>
        {
            ["Customer_Lifecycle_Stage__c"] = "At-Risk",
            ["Lifecycle_At_Risk_Entry_Date__c"] = "2026-11-20",
            ["CS_Goal_Clarity__c"] = "Slipping",
            ["CS_Milestones_Completed__c"] = "3.0",
            ["CS_Milestone_Stalled__c"] = "false",
            ["CS_Divergence__c"] = "",
            ["CS_Segment__c"] = "SMB",
        });

        var text = mapper.Account(raw).Record!.ManagedText;

        Assert.Multiple(() =>
        {
            Assert.That(text[ManagedField.Stage], Is.EqualTo("At-Risk"));
            Assert.That(text[ManagedField.StageEntryDate("At-Risk")], Is.EqualTo("2026-11-20"));
            Assert.That(text[ManagedField.State(Rules.Model.CsState.GoalClarity)], Is.EqualTo("Slipping"));
            Assert.That(text[ManagedField.MilestonesCompleted], Is.EqualTo("3"), "3.0 and 3 are the same number");
            Assert.That(text[ManagedField.MilestoneStalled], Is.EqualTo("false"));
            Assert.That(text[ManagedField.Divergence], Is.Null, "an empty field is null");
            Assert.That(text, Does.Not.ContainKey("segment"), "inputs are not managed fields");
        });
    }

    [Test]
    public void Account_HubSpot_PicklistValuesBecomeCanonicalLabels()
    {
        var mapper = new CanonicalMapper(DefaultMappings.HubSpot(), HubSpotValueFormat.Instance);
        var raw = new RawRecord("77", At, false, new Dictionary<string, string?>
        {
            ["cs_lifecycle_stage"] = "new_customer",
            ["cs_outcome_attribution"] = "reset",
            ["cs_new_customer_entry_date"] = "1779235200000",
        });

        var text = mapper.Account(raw).Record!.ManagedText;

        Assert.Multiple(() =>
        {
            Assert.That(text[ManagedField.Stage], Is.EqualTo("New Customer"));
            Assert.That(text[ManagedField.State(Rules.Model.CsState.OutcomeAttribution)], Is.EqualTo("Reset"));
            Assert.That(text[ManagedField.StageEntryDate("New Customer")], Is.EqualTo("2026-05-20"));
        });
    }

    [TestCase("stage", ManagedFieldKind.StagePicklist)]
    [TestCase("state:goalClarity", ManagedFieldKind.StatePicklist)]
    [TestCase("stateVerified:goalClarity", ManagedFieldKind.Date)]
    [TestCase("stageEntryDate:Healthy", ManagedFieldKind.Date)]
    [TestCase("milestone:first_project", ManagedFieldKind.Date)]
    [TestCase("milestonesCompleted", ManagedFieldKind.Number)]
    [TestCase("milestoneStalled", ManagedFieldKind.Boolean)]
    [TestCase("divergence", ManagedFieldKind.Text)]
    [TestCase("segment", ManagedFieldKind.NotManaged)]
    public void KindOf_Key_IsItsValueKind(string key, ManagedFieldKind kind) => Assert.That(ManagedField.KindOf(key), Is.EqualTo(kind));
}
