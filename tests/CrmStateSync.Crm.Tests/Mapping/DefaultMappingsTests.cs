using CrmStateSync.Crm.Mapping;

namespace CrmStateSync.Crm.Tests.Mapping;

/// <summary>The default mapping against crm-schema.md, field by field; expected names copied from the spec's tables.</summary>
public sealed class DefaultMappingsTests
{
    private static readonly (string Key, string Salesforce, string HubSpot)[] AccountFields =
    [
        ("stage", "Customer_Lifecycle_Stage__c", "cs_lifecycle_stage"),
        ("stageReason", "Lifecycle_Stage_Reason__c", "cs_lifecycle_stage_reason"),
        ("stageEntryDate:New Customer", "Lifecycle_New_Customer_Entry_Date__c", "cs_new_customer_entry_date"),
        ("stageEntryDate:Onboarding", "Lifecycle_Onboarding_Entry_Date__c", "cs_onboarding_entry_date"),
        ("stageEntryDate:Adopting", "Lifecycle_Adopting_Entry_Date__c", "cs_adopting_entry_date"),
        ("stageEntryDate:Healthy", "Lifecycle_Healthy_Entry_Date__c", "cs_healthy_entry_date"),
        ("stageEntryDate:At-Risk", "Lifecycle_At_Risk_Entry_Date__c", "cs_at_risk_entry_date"),
        ("stageEntryDate:Churned", "Lifecycle_Churned_Entry_Date__c", "cs_churned_entry_date"),
        ("state:goalClarity", "CS_Goal_Clarity__c", "cs_goal_clarity"),
        ("state:configuredForGoals", "CS_Configured_For_Goals__c", "cs_configured_for_goals"),
        ("state:valueActionAdoption", "CS_Value_Action_Adoption__c", "cs_value_action_adoption"),
        ("state:multiStakeholderEngagement", "CS_Multi_Stakeholder__c", "cs_multi_stakeholder"),
        ("state:outcomeAttribution", "CS_Outcome_Attribution__c", "cs_outcome_attribution"),
        ("state:dailyWorkIntegration", "CS_Daily_Work_Integration__c", "cs_daily_work_integration"),
        ("stateVerified:goalClarity", "CS_Goal_Clarity_Verified__c", "cs_goal_clarity_verified"),
        ("stateVerified:configuredForGoals", "CS_Configured_For_Goals_Verified__c", "cs_configured_for_goals_verified"),
        ("stateVerified:valueActionAdoption", "CS_Value_Action_Adoption_Verified__c", "cs_value_action_adoption_verified"),
        ("stateVerified:multiStakeholderEngagement", "CS_Multi_Stakeholder_Verified__c", "cs_multi_stakeholder_verified"),
        ("stateVerified:outcomeAttribution", "CS_Outcome_Attribution_Verified__c", "cs_outcome_attribution_verified"),
        ("stateVerified:dailyWorkIntegration", "CS_Daily_Work_Integration_Verified__c", "cs_daily_work_integration_verified"),
        ("divergence", "CS_Divergence__c", "cs_divergence"),
        ("milestonesCompleted", "CS_Milestones_Completed__c", "cs_milestones_completed"),
        ("nextMilestone", "CS_Next_Milestone__c", "cs_next_milestone"),
        ("milestoneStalled", "CS_Milestone_Stalled__c", "cs_milestone_stalled"),
        ("milestoneStalledSince", "CS_Milestone_Stalled_Since__c", "cs_milestone_stalled_since"),
        ("overrideReason", "Lifecycle_Override_Reason__c", "cs_override_reason"),
        ("segment", "CS_Segment__c", "cs_segment"),
        ("ownerId", "OwnerId", "hubspot_owner_id"),
        ("goalOwnerId", "CS_Goal_Owner__c", "cs_goal_owner"),
        ("primaryGoal", "CS_Primary_Goal__c", "cs_primary_goal"),
        ("goalReviewedOn", "CS_Goal_Reviewed_On__c", "cs_goal_reviewed_on"),
        ("goalChangedOn", "CS_Goal_Changed_On__c", "cs_goal_changed_on"),
        ("leadershipChangeOn", "CS_Leadership_Change_On__c", "cs_leadership_change_on"),
        ("kickoffOn", "CS_Kickoff_On__c", "cs_kickoff_on"),
        ("onboardingCompleteOn", "CS_Onboarding_Complete_On__c", "cs_onboarding_complete_on"),
        ("workflowsLive", "CS_Workflows_Live__c", "cs_workflows_live"),
        ("configVerifiedOn", "CS_Config_Verified_On__c", "cs_config_verified_on"),
        ("workflowGapOn", "CS_Workflow_Gap_On__c", "cs_workflow_gap_on"),
        ("integrationStatus", "CS_Integration_Status__c", "cs_integration_status"),
        ("integrationChangedOn", "CS_Integration_Changed_On__c", "cs_integration_changed_on"),
        ("inNewHireOnboarding", "CS_In_New_Hire_Onboarding__c", "cs_in_new_hire_onboarding"),
        ("lastOutcome", "CS_Last_Outcome__c", "cs_last_outcome"),
        ("lastOutcomeOn", "CS_Last_Outcome_On__c", "cs_last_outcome_on"),
        ("atRiskReason", "CS_At_Risk_Reason__c", "cs_at_risk_reason"),
        ("modifiedAt", "SystemModstamp", "hs_lastmodifieddate"),
    ];

    private static IEnumerable<TestCaseData> SalesforceAccount() =>
        AccountFields.Select(f => new TestCaseData(f.Key, f.Salesforce).SetName($"crm-schema.md Account: {f.Key} is {f.Salesforce}"));

    private static IEnumerable<TestCaseData> HubSpotAccount() =>
        AccountFields.Select(f => new TestCaseData(f.Key, f.HubSpot).SetName($"crm-schema.md company: {f.Key} is {f.HubSpot}"));

    [TestCaseSource(nameof(SalesforceAccount))]
    public void Salesforce_AccountField_MatchesSchema(string key, string field) =>
        Assert.That(DefaultMappings.Salesforce().Account, Does.ContainKey(key).WithValue(field));

    [TestCaseSource(nameof(HubSpotAccount))]
    public void HubSpot_AccountField_MatchesSchema(string key, string field) =>
        Assert.That(DefaultMappings.HubSpot().Account, Does.ContainKey(key).WithValue(field));

    [Test(Description = "crm-schema.md: Time_to_Value_Days__c is a formula (never written); cs_time_to_value_days is a number the worker writes")]
    public void TimeToValueDays_WrittenOnHubSpotOnly_Mapped()
    {
        Assert.That(DefaultMappings.Salesforce().Account, Does.Not.ContainKey("timeToValueDays"));
        Assert.That(DefaultMappings.HubSpot().Account, Does.ContainKey("timeToValueDays").WithValue("cs_time_to_value_days"));
    }

    [Test(Description = "crm-schema.md: days in current stage is a formula / calculated property, provisioned, never written")]
    public void DaysInCurrentStage_NeverWritten_NotMapped()
    {
        Assert.That(DefaultMappings.Salesforce().Account.Values, Has.None.EqualTo("Days_in_Current_Stage__c"));
        Assert.That(DefaultMappings.HubSpot().Account.Values, Has.None.EqualTo("cs_days_in_current_stage"));
    }

    [TestCase("Account", "Account", "companies")]
    [TestCase("Opportunity", "Opportunity", "deals")]
    [TestCase("Contact", "Contact", "contacts")]
    [TestCase("Usage", "CS_Usage__c", "cs_usage")]
    public void Objects_Default_MatchSchema(string kind, string salesforce, string hubSpot)
    {
        Assert.That(DefaultMappings.Salesforce().Objects, Does.ContainKey(kind).WithValue(salesforce));
        Assert.That(DefaultMappings.HubSpot().Objects, Does.ContainKey(kind).WithValue(hubSpot));
    }

    [Test(Description = "crm-schema.md Opportunity: AccountId, IsClosed, IsWon, CloseDate, Type, CS_Contract_Start__c, CS_Contract_End__c, SystemModstamp")]
    public void Salesforce_Opportunity_MatchesSchema() =>
        Assert.That(DefaultMappings.Salesforce().Opportunity, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["id"] = "Id", ["accountId"] = "AccountId", ["isClosed"] = "IsClosed", ["isWon"] = "IsWon", ["closeDate"] = "CloseDate", ["type"] = "Type",
            ["contractStart"] = "CS_Contract_Start__c", ["contractEnd"] = "CS_Contract_End__c", ["modifiedAt"] = "SystemModstamp",
        }));

    [Test(Description = "crm-schema.md deal: hs_is_closed, hs_is_closed_won, closedate, dealtype, cs_contract_start, cs_contract_end, hs_lastmodifieddate; the company is an association")]
    public void HubSpot_Opportunity_MatchesSchema() =>
        Assert.That(DefaultMappings.HubSpot().Opportunity, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["id"] = "hs_object_id", ["accountId"] = "accountId", ["isClosed"] = "hs_is_closed", ["isWon"] = "hs_is_closed_won", ["closeDate"] = "closedate", ["type"] = "dealtype",
            ["contractStart"] = "cs_contract_start", ["contractEnd"] = "cs_contract_end", ["modifiedAt"] = "hs_lastmodifieddate",
        }));

    [Test(Description = "crm-schema.md Contact: AccountId, CS_Function__c, CS_Stakeholder_Role__c, CS_Last_Active_On__c, CS_Last_Engaged_On__c, CS_Departed_On__c, SystemModstamp")]
    public void Salesforce_Contact_MatchesSchema() =>
        Assert.That(DefaultMappings.Salesforce().Contact, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["id"] = "Id", ["accountId"] = "AccountId", ["function"] = "CS_Function__c", ["role"] = "CS_Stakeholder_Role__c",
            ["lastActiveOn"] = "CS_Last_Active_On__c", ["lastEngagedOn"] = "CS_Last_Engaged_On__c", ["departedOn"] = "CS_Departed_On__c", ["modifiedAt"] = "SystemModstamp",
        }));

    [Test(Description = "crm-schema.md contact: contacts use lastmodifieddate, not hs_lastmodifieddate")]
    public void HubSpot_Contact_MatchesSchema() =>
        Assert.That(DefaultMappings.HubSpot().Contact, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["id"] = "hs_object_id", ["accountId"] = "accountId", ["function"] = "cs_function", ["role"] = "cs_stakeholder_role", ["lastActiveOn"] = "cs_last_active_on",
            ["lastEngagedOn"] = "cs_last_engaged_on", ["departedOn"] = "cs_departed_on", ["modifiedAt"] = "lastmodifieddate",
        }));

    [Test(Description = "crm-schema.md Usage: CS_Usage__c with CS_Account__c, CS_Usage_Date__c, CS_Active_Users__c, CS_Value_Actions__c, CS_Core_Events__c, CS_Projects_Created__c → projects_created")]
    public void Salesforce_Usage_MatchesSchema()
    {
        var m = DefaultMappings.Salesforce();
        Assert.That(m.Usage, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["id"] = "Id", ["accountId"] = "CS_Account__c", ["date"] = "CS_Usage_Date__c", ["activeUsers"] = "CS_Active_Users__c",
            ["valueActions"] = "CS_Value_Actions__c", ["coreEvents"] = "CS_Core_Events__c", ["modifiedAt"] = "SystemModstamp",
        }));
        Assert.That(m.UsageMetrics, Does.ContainKey("projects_created").WithValue("CS_Projects_Created__c"));
    }

    [Test(Description = "crm-schema.md usage: cs_usage with usage_date, active_users, value_actions, core_events; the company is an association")]
    public void HubSpot_Usage_MatchesSchema() =>
        Assert.That(DefaultMappings.HubSpot().Usage, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["id"] = "hs_object_id", ["accountId"] = "accountId", ["date"] = "usage_date", ["activeUsers"] = "active_users", ["valueActions"] = "value_actions",
            ["coreEvents"] = "core_events", ["modifiedAt"] = "hs_lastmodifieddate",
        }));

    [Test(Description = "crm-schema.md: picklist New Customer, Onboarding, Adopting, Healthy, At-Risk, Churned; HubSpot new_customer … churned")]
    public void StagePicklist_Default_MatchesSchema()
    {
        Assert.That(DefaultMappings.Salesforce().Picklists["stage"].Values, Is.EquivalentTo(new[] { "New Customer", "Onboarding", "Adopting", "Healthy", "At-Risk", "Churned" }));
        Assert.That(DefaultMappings.HubSpot().Picklists["stage"], Is.EquivalentTo(new Dictionary<string, string>
        {
            ["New Customer"] = "new_customer", ["Onboarding"] = "onboarding", ["Adopting"] = "adopting",
            ["Healthy"] = "healthy", ["At-Risk"] = "at_risk", ["Churned"] = "churned",
        }));
    }

    [Test(Description = "crm-schema.md: six states picklist Hit, Slipping, Reset; HubSpot hit, slipping, reset")]
    public void StateValuePicklist_Default_MatchesSchema()
    {
        Assert.That(DefaultMappings.Salesforce().Picklists["stateValue"].Values, Is.EquivalentTo(new[] { "Hit", "Slipping", "Reset" }));
        Assert.That(DefaultMappings.HubSpot().Picklists["stateValue"].Values, Is.EquivalentTo(new[] { "hit", "slipping", "reset" }));
    }

    [Test(Description = "crm-schema.md: Type (New Business, Renewal, Existing Customer - Upgrade); dealtype newbusiness, existingbusiness")]
    public void OpportunityTypePicklist_Default_MatchesSchema()
    {
        Assert.That(DefaultMappings.Salesforce().Picklists["opportunityType"].Values, Is.EquivalentTo(new[] { "New Business", "Renewal", "Existing Customer - Upgrade" }));
        Assert.That(DefaultMappings.HubSpot().Picklists["opportunityType"], Does.ContainKey("NewBusiness").WithValue("newbusiness"));
        Assert.That(DefaultMappings.HubSpot().Picklists["opportunityType"], Does.ContainKey("Expansion").WithValue("existingbusiness"));
    }

    [Test(Description = "crm-schema.md: CS_Stakeholder_Role__c (Exec Sponsor, Champion, User); CS_Integration_Status__c (None, Live, Broken, Removed)")]
    public void RoleAndIntegrationPicklists_Salesforce_MatchSchema()
    {
        var m = DefaultMappings.Salesforce();
        Assert.That(m.Picklists["stakeholderRole"].Values, Is.EquivalentTo(new[] { "Exec Sponsor", "Champion", "User" }));
        Assert.That(m.Picklists["integrationStatus"].Values, Is.EquivalentTo(new[] { "None", "Live", "Broken", "Removed" }));
    }

    [Test]
    public void Account_EachCrmField_MappedOnce()
    {
        Assert.That(DefaultMappings.Salesforce().Account.Values, Is.Unique);
        Assert.That(DefaultMappings.HubSpot().Account.Values, Is.Unique);
    }
}
