using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Tests.Mapping;

public sealed class CanonicalMapperTests
{
    [Test]
    public void Account_SalesforceInputs_ArriveCanonical()
    {
        var change = Some.SalesforceMapper().Account(Some.Raw("001A",
            ("Name", "Acme"), ("CS_Segment__c", "enterprise"), ("OwnerId", "005000000000001AAA"), ("CS_Goal_Owner__c", "003000000000001AAA"),
            ("CS_Primary_Goal__c", "Cut churn"), ("CS_Goal_Reviewed_On__c", "2026-04-01"), ("CS_Kickoff_On__c", "2026-01-15"),
            ("CS_Workflows_Live__c", "true"), ("CS_Integration_Status__c", "Broken"), ("CS_In_New_Hire_Onboarding__c", "false"),
            ("CS_Last_Outcome__c", "Saved 2 h/week"), ("CS_Last_Outcome_On__c", "2026-05-02")));

        var a = change.Record!.Account;
        Assert.Multiple(() =>
        {
            Assert.That(change.Problems, Is.Empty);
            Assert.That(change.Id, Is.EqualTo("001A"));
            Assert.That(a.Id, Is.EqualTo("001A"));
            Assert.That(a.Name, Is.EqualTo("Acme"));
            Assert.That(a.Segment, Is.EqualTo("enterprise"));
            Assert.That(a.OwnerId, Is.EqualTo("005000000000001AAA"));
            Assert.That(a.GoalOwnerId, Is.EqualTo("003000000000001AAA"));
            Assert.That(a.PrimaryGoal, Is.EqualTo("Cut churn"));
            Assert.That(a.GoalReviewedOn, Is.EqualTo(new DateOnly(2026, 4, 1)));
            Assert.That(a.KickoffOn, Is.EqualTo(new DateOnly(2026, 1, 15)));
            Assert.That(a.WorkflowsLive, Is.True);
            Assert.That(a.IntegrationStatus, Is.EqualTo(IntegrationStatus.Broken));
            Assert.That(a.InNewHireOnboarding, Is.False);
            Assert.That(a.LastOutcome, Is.EqualTo("Saved 2 h/week"));
            Assert.That(a.LastOutcomeOn, Is.EqualTo(new DateOnly(2026, 5, 2)));
        });
    }

    [Test(Description = "sync.md: a malformed date is reported with the record id and field; the record's other fields still arrive")]
    public void Account_MalformedDate_ProblemWithRecordFieldAndValue()
    {
        var change = Some.SalesforceMapper().Account(Some.Raw("001A",
            ("CS_Kickoff_On__c", "15/01/2026"), ("CS_Segment__c", "smb"), ("CS_Goal_Reviewed_On__c", "2026-04-01")));

        Assert.That(change.Problems, Has.Count.EqualTo(1));
        var p = change.Problems[0];
        Assert.Multiple(() =>
        {
            Assert.That(p.RecordId, Is.EqualTo("001A"));
            Assert.That(p.Field, Is.EqualTo("CS_Kickoff_On__c"));
            Assert.That(p.Value, Is.EqualTo("15/01/2026"));
            Assert.That(p.ToString(), Does.Contain("001A").And.Contain("CS_Kickoff_On__c").And.Contain("15/01/2026"));
            Assert.That(change.Record!.Account.KickoffOn, Is.Null);
            Assert.That(change.Record.Account.Segment, Is.EqualTo("smb"));
            Assert.That(change.Record.Account.GoalReviewedOn, Is.EqualTo(new DateOnly(2026, 4, 1)));
        });
    }

    [Test(Description = "sync.md: an unknown picklist value is reported with the record id and field")]
    public void Account_UnknownIntegrationStatus_ProblemAndNoValue()
    {
        var change = Some.SalesforceMapper().Account(Some.Raw("001A", ("CS_Integration_Status__c", "Flaky"), ("CS_Workflows_Live__c", "true")));

        Assert.That(change.Problems.Select(p => (p.RecordId, p.Field, p.Value)), Is.EqualTo(new[] { ("001A", "CS_Integration_Status__c", (string?)"Flaky") }));
        Assert.That(change.Record!.Account.IntegrationStatus, Is.Null);
        Assert.That(change.Record.Account.WorkflowsLive, Is.True);
    }

    [Test]
    public void Account_NotABoolean_Problem()
    {
        var change = Some.HubSpotMapper().Account(Some.Raw("42", ("cs_workflows_live", "yes")));

        Assert.That(change.Problems.Select(p => (p.Field, p.Value)), Is.EqualTo(new[] { ("cs_workflows_live", (string?)"yes") }));
        Assert.That(change.Record!.Account.WorkflowsLive, Is.False);
    }

    [Test]
    public void Account_SalesforceManagedFields_ReadAsPreviousValues()
    {
        var change = Some.SalesforceMapper().Account(Some.Raw("001A",
            ("Customer_Lifecycle_Stage__c", "At-Risk"), ("Lifecycle_Adopting_Entry_Date__c", "2026-02-01"), ("Lifecycle_At_Risk_Entry_Date__c", "2026-05-10"),
            ("CS_Goal_Clarity__c", "Slipping"), ("CS_Goal_Clarity_Verified__c", "2026-05-01"), ("CS_Milestone_first_project__c", "2026-01-20"),
            ("CS_Milestone_Stalled__c", "true"), ("CS_Milestone_Stalled_Since__c", "2026-03-01")));

        var m = change.Record!.Account.Managed;
        Assert.Multiple(() =>
        {
            Assert.That(change.Problems, Is.Empty);
            Assert.That(m.Stage, Is.EqualTo("At-Risk"));
            Assert.That(m.StageEntryDates, Is.EquivalentTo(new Dictionary<string, DateOnly> { ["Adopting"] = new(2026, 2, 1), ["At-Risk"] = new(2026, 5, 10) }));
            Assert.That(m.States.GoalClarity, Is.EqualTo(new StateReading(StateValue.Slipping, new DateOnly(2026, 5, 1))));
            Assert.That(m.States.OutcomeAttribution, Is.Null);
            Assert.That(m.Milestones, Is.EquivalentTo(new Dictionary<string, DateOnly> { ["first_project"] = new(2026, 1, 20) }));
            Assert.That(m.MilestoneStalled, Is.True);
            Assert.That(m.MilestoneStalledSince, Is.EqualTo(new DateOnly(2026, 3, 1)));
        });
    }

    [Test(Description = "crm-schema.md: HubSpot enumerations use internal values; labels match the Salesforce picklist labels")]
    public void Account_HubSpotInternalValues_TranslatedToLabels()
    {
        var change = Some.HubSpotMapper().Account(Some.Raw("42",
            ("cs_lifecycle_stage", "new_customer"), ("cs_new_customer_entry_date", "1779235200000"),
            ("cs_multi_stakeholder", "hit"), ("cs_multi_stakeholder_verified", "2026-05-20"), ("cs_integration_status", "live")));

        var a = change.Record!.Account;
        Assert.Multiple(() =>
        {
            Assert.That(change.Problems, Is.Empty);
            Assert.That(a.Managed.Stage, Is.EqualTo("New Customer"));
            Assert.That(a.Managed.StageEntryDates, Does.ContainKey("New Customer").WithValue(new DateOnly(2026, 5, 20)));
            Assert.That(a.Managed.States.MultiStakeholderEngagement, Is.EqualTo(new StateReading(StateValue.Hit, new DateOnly(2026, 5, 20))));
            Assert.That(a.IntegrationStatus, Is.EqualTo(IntegrationStatus.Live));
        });
    }

    [Test(Description = "sync.md: an unknown picklist value is reported with the record id and field")]
    public void Account_UnknownStateValue_ProblemAndStateAbsent()
    {
        var change = Some.HubSpotMapper().Account(Some.Raw("42", ("cs_goal_clarity", "Hit"), ("cs_goal_clarity_verified", "2026-05-20"), ("cs_daily_work_integration", "reset")));

        Assert.That(change.Problems.Select(p => (p.RecordId, p.Field, p.Value)), Is.EqualTo(new[] { ("42", "cs_goal_clarity", (string?)"Hit") }));
        Assert.That(change.Record!.Account.Managed.States.GoalClarity, Is.Null);
        Assert.That(change.Record.Account.Managed.States.DailyWorkIntegration?.Value, Is.EqualTo(StateValue.Reset));
    }

    [Test(Description = "A stage value outside the picklist arrives as-is so the rules reject it as a manual move to an unknown stage")]
    public void Account_UnknownStage_ArrivesAsIs()
    {
        var change = Some.HubSpotMapper().Account(Some.Raw("42", ("cs_lifecycle_stage", "expanding")));

        Assert.That(change.Record!.Account.Managed.Stage, Is.EqualTo("expanding"));
    }

    [Test(Description = "RawRecord: the last modifier is carried so the worker recognises its own echo")]
    public void Account_Read_KeepsModifiedAtAndLastModifiedBy()
    {
        var raw = Some.Raw("001A") with { LastModifiedBy = "005INTEGRATION" };

        var change = Some.SalesforceMapper().Account(raw);

        Assert.That(change.ModifiedAt, Is.EqualTo(Some.ModifiedAt));
        Assert.That(change.LastModifiedBy, Is.EqualTo("005INTEGRATION"));
        Assert.That(change.Deleted, Is.False);
    }

    [Test(Description = "queryAll returns deleted and merged rows (IsDeleted = true): a deletion, no record, no problems")]
    public void Account_Deleted_NoRecordNoProblems()
    {
        var change = Some.SalesforceMapper().Account(Some.Deleted("001D"));

        Assert.Multiple(() =>
        {
            Assert.That(change.Deleted, Is.True);
            Assert.That(change.Record, Is.Null);
            Assert.That(change.Problems, Is.Empty);
            Assert.That(change.Id, Is.EqualTo("001D"));
            Assert.That(change.LastModifiedBy, Is.EqualTo("user-9"));
        });
    }

    [TestCase("New Business", OpportunityType.NewBusiness, TestName = "crm-schema.md Type: New Business is new business")]
    [TestCase("Renewal", OpportunityType.Renewal, TestName = "crm-schema.md Type: Renewal is a renewal")]
    [TestCase("Existing Customer - Upgrade", OpportunityType.Expansion, TestName = "crm-schema.md Type: Existing Customer - Upgrade is an expansion")]
    public void Opportunity_SalesforceType_Translated(string type, OpportunityType expected)
    {
        var change = Some.SalesforceMapper().Opportunity(Some.Raw("006O", ("AccountId", "001000000000001AAA"), ("IsClosed", "true"), ("IsWon", "true"),
            ("CloseDate", "2026-01-31"), ("Type", type), ("CS_Contract_Start__c", "2026-02-01"), ("CS_Contract_End__c", "2027-01-31")));

        Assert.That(change.Problems, Is.Empty);
        Assert.That(change.Record!.AccountId, Is.EqualTo("001000000000001AAA"));
        Assert.That(change.Record.Opportunity, Is.EqualTo(new Opportunity
        {
            Id = "006O", IsClosed = true, IsWon = true, CloseDate = new DateOnly(2026, 1, 31), Type = expected,
            ContractStart = new DateOnly(2026, 2, 1), ContractEnd = new DateOnly(2027, 1, 31),
        }));
    }

    [TestCase("newbusiness", OpportunityType.NewBusiness, TestName = "crm-schema.md dealtype: newbusiness is new business")]
    [TestCase("existingbusiness", OpportunityType.Expansion, TestName = "crm-schema.md dealtype: existingbusiness is an expansion")]
    public void Opportunity_HubSpotDealType_Translated(string dealType, OpportunityType expected)
    {
        var change = Some.HubSpotMapper().Opportunity(Some.Raw("7", ("accountId", "4242"), ("dealtype", dealType), ("hs_is_closed_won", "true"), ("closedate", "2026-05-20T00:00:00Z")));

        Assert.That(change.Problems, Is.Empty);
        Assert.That(change.Record!.Opportunity.Type, Is.EqualTo(expected));
        Assert.That(change.Record.Opportunity.IsWon, Is.True);
        Assert.That(change.Record.Opportunity.CloseDate, Is.EqualTo(new DateOnly(2026, 5, 20)));
    }

    [Test(Description = "sync.md: an unknown picklist value is reported with the record id and field")]
    public void Opportunity_UnknownType_ProblemAndOtherFieldsArrive()
    {
        var change = Some.SalesforceMapper().Opportunity(Some.Raw("006O", ("AccountId", "001000000000001AAA"), ("Type", "Upsell"), ("IsWon", "true")));

        Assert.That(change.Problems.Select(p => (p.RecordId, p.Field, p.Value)), Is.EqualTo(new[] { ("006O", "Type", (string?)"Upsell") }));
        Assert.That(change.Record!.Opportunity.Type, Is.Null);
        Assert.That(change.Record.Opportunity.IsWon, Is.True);
        Assert.That(change.Record.AccountId, Is.EqualTo("001000000000001AAA"));
    }

    [TestCase("Exec Sponsor", ContactRole.ExecSponsor, TestName = "crm-schema.md CS_Stakeholder_Role__c: Exec Sponsor")]
    [TestCase("Champion", ContactRole.Champion, TestName = "crm-schema.md CS_Stakeholder_Role__c: Champion")]
    [TestCase("User", ContactRole.User, TestName = "crm-schema.md CS_Stakeholder_Role__c: User")]
    public void Contact_SalesforceRole_Translated(string role, ContactRole expected)
    {
        var change = Some.SalesforceMapper().Contact(Some.Raw("003C", ("AccountId", "001000000000001AAA"), ("CS_Function__c", "Finance"),
            ("CS_Stakeholder_Role__c", role), ("CS_Last_Active_On__c", "2026-05-19"), ("CS_Departed_On__c", "2026-05-20")));

        Assert.That(change.Problems, Is.Empty);
        Assert.That(change.Record, Is.EqualTo(new ContactRecord("001000000000001AAA", new Contact
        {
            Id = "003C", Function = "Finance", Role = expected, LastActiveOn = new DateOnly(2026, 5, 19), DepartedOn = new DateOnly(2026, 5, 20),
        })));
    }

    [Test]
    public void Contact_UnknownRole_ProblemAndNoRole()
    {
        var change = Some.HubSpotMapper().Contact(Some.Raw("9", ("accountId", "4242"), ("cs_stakeholder_role", "sponsor"), ("cs_function", "IT")));

        Assert.That(change.Problems.Select(p => (p.RecordId, p.Field, p.Value)), Is.EqualTo(new[] { ("9", "cs_stakeholder_role", (string?)"sponsor") }));
        Assert.That(change.Record!.Contact.Role, Is.Null);
        Assert.That(change.Record.Contact.Function, Is.EqualTo("IT"));
    }
}
