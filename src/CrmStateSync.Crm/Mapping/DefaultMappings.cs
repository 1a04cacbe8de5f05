using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Mapping;

/// <summary>The default field mapping of crm-schema.md for each CRM. Configuration overrides any entry.</summary>
public static class DefaultMappings
{
    private static readonly string[] Stages = [DefaultRules.NewCustomer, DefaultRules.Onboarding, DefaultRules.Adopting, DefaultRules.Healthy, DefaultRules.AtRisk, DefaultRules.Churned];
    private static readonly string[] DefaultMilestones = ["first_user_active", "first_project", "first_value_action", "team_adoption", "integration_live", "first_outcome"];

    /// <summary>The canonical key of the calculated days-in-current-stage field (never written; see <see cref="FieldMappingOptions.Calculated"/>).</summary>
    public const string DaysInCurrentStage = "daysInCurrentStage";

    public static FieldMappingOptions Salesforce()
    {
        var m = new FieldMappingOptions
        {
            Objects = { ["Account"] = "Account", ["Opportunity"] = "Opportunity", ["Contact"] = "Contact", ["Usage"] = "CS_Usage__c", ["Task"] = "Task" },
            Account = Accounts("Id", "Name", "CS_Segment__c", "OwnerId", "SystemModstamp", "LastModifiedById", SalesforceAccountFields),
            Opportunity = Map(("id", "Id"), ("accountId", "AccountId"), ("isClosed", "IsClosed"), ("isWon", "IsWon"), ("closeDate", "CloseDate"), ("type", "Type"),
                ("contractStart", "CS_Contract_Start__c"), ("contractEnd", "CS_Contract_End__c"), ("modifiedAt", "SystemModstamp")),
            Contact = Map(("id", "Id"), ("accountId", "AccountId"), ("function", "CS_Function__c"), ("role", "CS_Stakeholder_Role__c"),
                ("lastActiveOn", "CS_Last_Active_On__c"), ("lastEngagedOn", "CS_Last_Engaged_On__c"), ("departedOn", "CS_Departed_On__c"), ("modifiedAt", "SystemModstamp")),
            Usage = Map(("id", "Id"), ("accountId", "CS_Account__c"), ("date", "CS_Usage_Date__c"), ("activeUsers", "CS_Active_Users__c"),
                ("valueActions", "CS_Value_Actions__c"), ("coreEvents", "CS_Core_Events__c"), ("modifiedAt", "SystemModstamp")),
            UsageMetrics = { ["projects_created"] = "CS_Projects_Created__c" },
            Calculated = { [DaysInCurrentStage] = "Days_in_Current_Stage__c", [ManagedField.TimeToValueDays] = "Time_to_Value_Days__c" },
        };
        m.Picklists["stage"] = Stages.ToDictionary(s => s, s => s);
        m.Picklists["stateValue"] = Enum.GetNames<StateValue>().ToDictionary(v => v, v => v);
        m.Picklists["integrationStatus"] = Enum.GetNames<IntegrationStatus>().ToDictionary(v => v, v => v);
        m.Picklists["stakeholderRole"] = new() { ["ExecSponsor"] = "Exec Sponsor", ["Champion"] = "Champion", ["User"] = "User" };
        m.Picklists["opportunityType"] = new() { ["NewBusiness"] = "New Business", ["Renewal"] = "Renewal", ["Expansion"] = "Existing Customer - Upgrade" };
        return m;
    }

    public static FieldMappingOptions HubSpot()
    {
        var m = new FieldMappingOptions
        {
            Objects = { ["Account"] = "companies", ["Opportunity"] = "deals", ["Contact"] = "contacts", ["Usage"] = "cs_usage", ["Task"] = "tasks" },
            Account = Accounts("hs_object_id", "name", "cs_segment", "hubspot_owner_id", "hs_lastmodifieddate", "hs_updated_by_user_id", HubSpotAccountFields),
            // HubSpot links deals, contacts and usage to the company by association; the connector puts it in "accountId".
            Opportunity = Map(("id", "hs_object_id"), ("accountId", "accountId"), ("isClosed", "hs_is_closed"), ("isWon", "hs_is_closed_won"), ("closeDate", "closedate"), ("type", "dealtype"),
                ("contractStart", "cs_contract_start"), ("contractEnd", "cs_contract_end"), ("modifiedAt", "hs_lastmodifieddate")),
            Contact = Map(("id", "hs_object_id"), ("accountId", "accountId"), ("function", "cs_function"), ("role", "cs_stakeholder_role"), ("lastActiveOn", "cs_last_active_on"),
                ("lastEngagedOn", "cs_last_engaged_on"), ("departedOn", "cs_departed_on"), ("modifiedAt", "lastmodifieddate")),
            Usage = Map(("id", "hs_object_id"), ("accountId", "accountId"), ("date", "usage_date"), ("activeUsers", "active_users"), ("valueActions", "value_actions"),
                ("coreEvents", "core_events"), ("modifiedAt", "hs_lastmodifieddate")),
            UsageMetrics = { ["projects_created"] = "projects_created" },
            Calculated = { [DaysInCurrentStage] = "cs_days_in_current_stage" },
        };
        m.Picklists["stage"] = Stages.ToDictionary(s => s, s => s.ToLowerInvariant().Replace(' ', '_').Replace('-', '_'));
        m.Picklists["stateValue"] = Enum.GetNames<StateValue>().ToDictionary(v => v, v => v.ToLowerInvariant());
        m.Picklists["integrationStatus"] = Enum.GetNames<IntegrationStatus>().ToDictionary(v => v, v => v.ToLowerInvariant());
        m.Picklists["stakeholderRole"] = new() { ["ExecSponsor"] = "exec_sponsor", ["Champion"] = "champion", ["User"] = "user" };
        m.Picklists["opportunityType"] = new() { ["NewBusiness"] = "newbusiness", ["Renewal"] = "renewal", ["Expansion"] = "existingbusiness" };
        return m;
    }

    private static Dictionary<string, string> Accounts(string id, string name, string segment, string owner, string modifiedAt, string modifiedBy, Func<IEnumerable<(string, string)>> fields)
    {
        var map = Map(("id", id), ("name", name), ("segment", segment), ("ownerId", owner), ("modifiedAt", modifiedAt), ("lastModifiedBy", modifiedBy));
        foreach (var (key, field) in fields())
        {
            map[key] = field;
        }

        return map;
    }

    private static IEnumerable<(string, string)> SalesforceAccountFields()
    {
        (string, string)[] inputs =
        [
            ("goalOwnerId", "CS_Goal_Owner__c"), ("primaryGoal", "CS_Primary_Goal__c"), ("goalReviewedOn", "CS_Goal_Reviewed_On__c"),
            ("goalChangedOn", "CS_Goal_Changed_On__c"), ("leadershipChangeOn", "CS_Leadership_Change_On__c"), ("kickoffOn", "CS_Kickoff_On__c"),
            ("onboardingCompleteOn", "CS_Onboarding_Complete_On__c"), ("workflowsLive", "CS_Workflows_Live__c"), ("configVerifiedOn", "CS_Config_Verified_On__c"),
            ("workflowGapOn", "CS_Workflow_Gap_On__c"), ("integrationStatus", "CS_Integration_Status__c"), ("integrationChangedOn", "CS_Integration_Changed_On__c"),
            ("inNewHireOnboarding", "CS_In_New_Hire_Onboarding__c"), ("lastOutcome", "CS_Last_Outcome__c"), ("lastOutcomeOn", "CS_Last_Outcome_On__c"),
            ("atRiskReason", "CS_At_Risk_Reason__c"), (ManagedField.OverrideReason, "Lifecycle_Override_Reason__c"),
            (ManagedField.Stage, "Customer_Lifecycle_Stage__c"), (ManagedField.StageReason, "Lifecycle_Stage_Reason__c"), (ManagedField.Divergence, "CS_Divergence__c"),
            (ManagedField.MilestonesCompleted, "CS_Milestones_Completed__c"), (ManagedField.NextMilestone, "CS_Next_Milestone__c"),
            (ManagedField.MilestoneStalled, "CS_Milestone_Stalled__c"), (ManagedField.MilestoneStalledSince, "CS_Milestone_Stalled_Since__c"),
        ];
        string[] stateFields = ["CS_Goal_Clarity", "CS_Configured_For_Goals", "CS_Value_Action_Adoption", "CS_Multi_Stakeholder", "CS_Outcome_Attribution", "CS_Daily_Work_Integration"];
        return inputs
            .Concat(Stages.Select(s => (ManagedField.StageEntryDate(s), $"Lifecycle_{s.Replace(' ', '_').Replace('-', '_')}_Entry_Date__c")))
            .Concat(CsStates.All.Select(s => (ManagedField.State(s), stateFields[(int)s] + "__c")))
            .Concat(CsStates.All.Select(s => (ManagedField.StateVerified(s), stateFields[(int)s] + "_Verified__c")))
            .Concat(DefaultMilestones.Select(k => (ManagedField.Milestone(k), $"CS_Milestone_{k}__c")));
    }

    private static IEnumerable<(string, string)> HubSpotAccountFields()
    {
        string[] inputs =
        [
            "goalOwnerId:cs_goal_owner", "primaryGoal:cs_primary_goal", "goalReviewedOn:cs_goal_reviewed_on", "goalChangedOn:cs_goal_changed_on",
            "leadershipChangeOn:cs_leadership_change_on", "kickoffOn:cs_kickoff_on", "onboardingCompleteOn:cs_onboarding_complete_on",
            "workflowsLive:cs_workflows_live", "configVerifiedOn:cs_config_verified_on", "workflowGapOn:cs_workflow_gap_on",
            "integrationStatus:cs_integration_status", "integrationChangedOn:cs_integration_changed_on", "inNewHireOnboarding:cs_in_new_hire_onboarding",
            "lastOutcome:cs_last_outcome", "lastOutcomeOn:cs_last_outcome_on", "atRiskReason:cs_at_risk_reason", "overrideReason:cs_override_reason",
            "stage:cs_lifecycle_stage", "stageReason:cs_lifecycle_stage_reason", "divergence:cs_divergence", "timeToValueDays:cs_time_to_value_days",
            "milestonesCompleted:cs_milestones_completed", "nextMilestone:cs_next_milestone", "milestoneStalled:cs_milestone_stalled",
            "milestoneStalledSince:cs_milestone_stalled_since",
        ];
        string[] stateProperties = ["cs_goal_clarity", "cs_configured_for_goals", "cs_value_action_adoption", "cs_multi_stakeholder", "cs_outcome_attribution", "cs_daily_work_integration"];
        return inputs.Select(i => (i[..i.IndexOf(':', StringComparison.Ordinal)], i[(i.IndexOf(':', StringComparison.Ordinal) + 1)..]))
            .Concat(Stages.Select(s => (ManagedField.StageEntryDate(s), $"cs_{s.ToLowerInvariant().Replace(' ', '_').Replace('-', '_')}_entry_date")))
            .Concat(CsStates.All.Select(s => (ManagedField.State(s), stateProperties[(int)s])))
            .Concat(CsStates.All.Select(s => (ManagedField.StateVerified(s), stateProperties[(int)s] + "_verified")))
            .Concat(DefaultMilestones.Select(k => (ManagedField.Milestone(k), $"cs_milestone_{k}")));
    }

    private static Dictionary<string, string> Map(params (string Key, string Field)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Field, StringComparer.Ordinal);
}
