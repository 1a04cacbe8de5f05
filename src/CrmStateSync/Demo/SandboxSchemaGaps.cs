using CrmStateSync.Sandbox;

namespace CrmStateSync.Demo;

/// <summary>
/// What <c>sandbox --schema-gaps</c> takes away, so the go-live guide can show <c>schema check</c> failing and
/// <c>schema provision</c> repairing it: an org before its fields were set up.
/// </summary>
internal static class SandboxSchemaGaps
{
    /// <summary>Worker-written HubSpot company properties removed (provision creates them through the API).</summary>
    public static readonly string[] HubSpotProperties = ["cs_lifecycle_stage", "cs_goal_clarity_verified", "cs_milestone_stalled", "cs_time_to_value_days"];

    public static void Open(SandboxServer sandbox, string crm)
    {
        if (crm == "hubspot")
        {
            foreach (var property in HubSpotProperties)
            {
                sandbox.HubSpot.RemoveProperty("companies", property);
            }

            sandbox.HubSpot.RemoveOption("companies", "cs_daily_work_integration", "reset");
        }
        else
        {
            // Salesforce is provisioned by deploying a metadata package, which the sandbox cannot take: these gaps only
            // show what the check reports; restart the sandbox without --schema-gaps to go on.
            sandbox.Salesforce.RemoveField("Account", "CS_Milestone_Stalled__c");
            sandbox.Salesforce.RemovePicklistValue("Account", "Customer_Lifecycle_Stage__c", "At-Risk");
        }
    }
}
