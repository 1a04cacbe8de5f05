namespace CrmStateSync.Rules.Model;

/// <summary>The current CRM values of the fields the worker owns (the "previous values" of an evaluation).</summary>
public sealed record ManagedValues
{
    // Declared before Empty: static initializers run in textual order.
    internal static readonly IReadOnlyDictionary<string, DateOnly> EmptyDates = new Dictionary<string, DateOnly>();

    /// <summary>Nothing set: a fresh record.</summary>
    public static readonly ManagedValues Empty = new();

    /// <summary>The stage picklist label, or null when empty.</summary>
    public string? Stage { get; init; }

    /// <summary>
    /// When the CRM says the stage field last changed (field history), if the connector has it; a manual move is
    /// stamped with this date, else with the as-of date.
    /// </summary>
    public DateOnly? StageChangedOn { get; init; }

    /// <summary>Entry date per stage label.</summary>
    public IReadOnlyDictionary<string, DateOnly> StageEntryDates { get; init; } = EmptyDates;

    public StateSet States { get; init; } = StateSet.Empty;

    /// <summary>Completion date per milestone key.</summary>
    public IReadOnlyDictionary<string, DateOnly> Milestones { get; init; } = EmptyDates;

    /// <summary>Null when never written (an account's first evaluation).</summary>
    public bool? MilestoneStalled { get; init; }

    public DateOnly? MilestoneStalledSince { get; init; }

}
