using CrmStateSync.Rules.Evaluation;

namespace CrmStateSync.Rules.Milestones;

/// <summary>The segment's milestone progress (rules.md §5).</summary>
public sealed record MilestoneOutcome
{
    public int Completed { get; init; }
    public int Total { get; init; }

    /// <summary>Name of the next milestone, null when all are complete.</summary>
    public string? NextMilestone { get; init; }

    public string? NextKey { get; init; }

    /// <summary>Completion date per milestone key.</summary>
    public required IReadOnlyDictionary<string, DateOnly> CompletedOn { get; init; }

    /// <summary>The next milestone's target days have passed since the previous completion.</summary>
    public bool Stalled { get; init; }

    public DateOnly? StalledSince { get; init; }

    public Reason Reason { get; init; }
}
