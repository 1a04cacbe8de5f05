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

    /// <summary>What kind of value a managed key holds (how its text is compared and written).</summary>
    public static ManagedFieldKind KindOf(string key) => key switch
    {
        Stage => ManagedFieldKind.StagePicklist,
        TimeToValueDays or MilestonesCompleted => ManagedFieldKind.Number,
        MilestoneStalled => ManagedFieldKind.Boolean,
        MilestoneStalledSince => ManagedFieldKind.Date,
        StageReason or Divergence or NextMilestone or OverrideReason => ManagedFieldKind.Text,
        _ when key.StartsWith("state:", StringComparison.Ordinal) => ManagedFieldKind.StatePicklist,
        _ when key.StartsWith("stageEntryDate:", StringComparison.Ordinal) || key.StartsWith("stateVerified:", StringComparison.Ordinal)
            || key.StartsWith("milestone:", StringComparison.Ordinal) => ManagedFieldKind.Date,
        _ => ManagedFieldKind.NotManaged,
    };

    /// <summary>True for the keys of fields the worker writes (and the override reason it clears).</summary>
    public static bool IsManaged(string key) => KindOf(key) != ManagedFieldKind.NotManaged;
}

/// <summary>The value kinds of managed fields.</summary>
public enum ManagedFieldKind
{
    NotManaged,
    Text,
    Number,
    Boolean,
    Date,
    StagePicklist,
    StatePicklist,
}
