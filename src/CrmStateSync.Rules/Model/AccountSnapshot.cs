namespace CrmStateSync.Rules.Model;

/// <summary>
/// The canonical input of rules.md §1: one account as every connector produces it, whichever CRM it came from.
/// Dates are calendar dates; null means absent.
/// </summary>
public sealed record AccountSnapshot
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Segment { get; init; }
    public string? OwnerId { get; init; }

    public ManagedValues Managed { get; init; } = ManagedValues.Empty;

    // Goals
    public string? GoalOwnerId { get; init; }
    public string? PrimaryGoal { get; init; }
    public DateOnly? GoalReviewedOn { get; init; }
    public DateOnly? GoalChangedOn { get; init; }
    public DateOnly? LeadershipChangeOn { get; init; }

    // Onboarding
    public DateOnly? KickoffOn { get; init; }
    public DateOnly? OnboardingCompleteOn { get; init; }

    // Configuration
    public bool WorkflowsLive { get; init; }
    public DateOnly? ConfigVerifiedOn { get; init; }
    public DateOnly? WorkflowGapOn { get; init; }

    // Integration
    public IntegrationStatus? IntegrationStatus { get; init; }
    public DateOnly? IntegrationChangedOn { get; init; }

    /// <summary>Null is unknown: neither signal nor slip. False slips Daily-Work Integration.</summary>
    public bool? InNewHireOnboarding { get; init; }

    // Outcomes
    public DateOnly? LastOutcomeOn { get; init; }
    public string? LastOutcome { get; init; }

    // Manual stage inputs
    public string? AtRiskReason { get; init; }
    public string? OverrideReason { get; init; }

    /// <summary>Null at go-live (the worker never wrote this account).</summary>
    public LastWritten? LastWritten { get; init; }

    public IReadOnlyList<Opportunity> Opportunities { get; init; } = [];
    public IReadOnlyList<Contact> Contacts { get; init; } = [];
    public IReadOnlyList<UsageRow> Usage { get; init; } = [];
}
