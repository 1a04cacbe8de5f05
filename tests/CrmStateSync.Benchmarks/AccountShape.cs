using CrmStateSync.Rules.Model;

namespace CrmStateSync.Benchmarks;

/// <summary>How a usage series looks over the 90 days.</summary>
internal enum UsageKind
{
    /// <summary>Rows but no activity at all (a stalled onboarding).</summary>
    Idle,

    /// <summary>Active before the win (a trial), nothing since.</summary>
    Trial,

    /// <summary>A few active days since the win, value actions rare.</summary>
    Light,

    /// <summary>Value actions most days since the win, few core events.</summary>
    Adopting,

    /// <summary>Several active users, value actions and core events every day.</summary>
    Steady,

    /// <summary>Steady, but core events in the last 30 days far below the 30 before.</summary>
    Dropping,

    /// <summary>Sparse and fading toward today.</summary>
    Declining,
}

/// <summary>The knobs one generated account is built from; day counts are relative to the as-of date.</summary>
internal sealed class AccountShape
{
    public required AccountProfile Profile { get; init; }
    public required int WonDaysAgo { get; set; }

    /// <summary>Contract end relative to as-of (negative = ended); null = open-ended.</summary>
    public int? ContractEndIn { get; set; }

    public bool RenewalLost { get; set; }
    public UsageKind Usage { get; set; } = UsageKind.Steady;
    public int? KickoffAfterWon { get; set; }
    public int? OnboardingCompleteAfterWon { get; set; }

    public bool GoalsSet { get; set; }
    public int? ReviewDaysAgo { get; set; }
    public int? LeadershipChangeDaysAgo { get; set; }
    public int? GoalChangedDaysAgo { get; set; }

    public bool WorkflowsLive { get; set; }
    public int? ConfigVerifiedDaysAgo { get; set; }
    public int? WorkflowGapDaysAgo { get; set; }

    public IntegrationStatus? Integration { get; set; }
    public int IntegrationChangedDaysAgo { get; set; }
    public bool? InNewHireOnboarding { get; set; }

    public int? OutcomeDaysAgo { get; set; }

    /// <summary>Contacts (of 10) active in the last 25 days; the others were active long ago or never.</summary>
    public int ActiveContacts { get; set; }

    public int? ExecEngagedDaysAgo { get; set; }
    public int? ExecDepartedDaysAgo { get; set; }

    /// <summary>The stage label the CRM holds at go-live (a hand-kept picklist), or null.</summary>
    public string? CrmStage { get; set; }
}
