using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Contract;

/// <summary>
/// Canonical keys of the fields the worker owns on the account (crm-schema.md "Written by the worker"). The field
/// mapping turns each key into the CRM's field name; the same keys name the inputs read from the account.
/// </summary>
public static class ManagedField
{
    public const string Stage = "stage";
    public const string StageReason = "stageReason";
    public const string TimeToValueDays = "timeToValueDays";
    public const string Divergence = "divergence";
    public const string MilestonesCompleted = "milestonesCompleted";
    public const string NextMilestone = "nextMilestone";
    public const string MilestoneStalled = "milestoneStalled";
    public const string MilestoneStalledSince = "milestoneStalledSince";
    public const string OverrideReason = "overrideReason";

    /// <summary>The entry date of a stage, e.g. <c>stageEntryDate:Adopting</c>.</summary>
    public static string StageEntryDate(string stage) => "stageEntryDate:" + stage;

    /// <summary>A state's value, e.g. <c>state:goalClarity</c>.</summary>
    public static string State(CsState state) => "state:" + state.Key();

    /// <summary>A state's verified-on date, e.g. <c>stateVerified:goalClarity</c>.</summary>
    public static string StateVerified(CsState state) => "stateVerified:" + state.Key();

    /// <summary>A mapped milestone's completion date, e.g. <c>milestone:first_project</c>.</summary>
    public static string Milestone(string key) => "milestone:" + key;
}
