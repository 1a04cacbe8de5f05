using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Sync.Ownership;

/// <summary>What happens when a human edited a managed field (its CRM value differs from what the worker last wrote).</summary>
public enum OwnershipPolicy
{
    /// <summary>Write the computed value back; log the conflict as reverted.</summary>
    EngineWins,

    /// <summary>Keep the human value; log it as accepted; stop overriding it until the computed value changes.</summary>
    CrmWins,

    /// <summary>Leave it; log the conflict open for an admin.</summary>
    Review,
}

/// <summary>The managed fields, grouped the way ownership is configured.</summary>
public enum FieldGroup
{
    Stage,
    StageReason,
    EntryDates,
    States,
    Milestones,
    Divergence,
    TimeToValue,
    OverrideReason,
}

/// <summary>Ownership policy per field group (<c>Sync:Ownership</c>); sync.md's defaults: everything <c>EngineWins</c>,
/// the stage validated by the rules (manual moves) rather than by a policy.</summary>
public sealed class OwnershipOptions
{
    public OwnershipPolicy EntryDates { get; set; } = OwnershipPolicy.EngineWins;
    public OwnershipPolicy States { get; set; } = OwnershipPolicy.EngineWins;
    public OwnershipPolicy Milestones { get; set; } = OwnershipPolicy.EngineWins;
    public OwnershipPolicy Divergence { get; set; } = OwnershipPolicy.EngineWins;
    public OwnershipPolicy TimeToValue { get; set; } = OwnershipPolicy.EngineWins;

    public OwnershipPolicy PolicyOf(FieldGroup group) => group switch
    {
        FieldGroup.EntryDates => EntryDates,
        FieldGroup.States => States,
        FieldGroup.Milestones => Milestones,
        FieldGroup.Divergence => Divergence,
        FieldGroup.TimeToValue => TimeToValue,
        _ => OwnershipPolicy.EngineWins,
    };

    public static FieldGroup GroupOf(string key) => key switch
    {
        ManagedField.Stage => FieldGroup.Stage,
        ManagedField.StageReason => FieldGroup.StageReason,
        ManagedField.Divergence => FieldGroup.Divergence,
        ManagedField.TimeToValueDays => FieldGroup.TimeToValue,
        ManagedField.OverrideReason => FieldGroup.OverrideReason,
        _ when key.StartsWith("stageEntryDate:", StringComparison.Ordinal) => FieldGroup.EntryDates,
        _ when key.StartsWith("state", StringComparison.Ordinal) => FieldGroup.States,
        _ => FieldGroup.Milestones,
    };
}
