using System.Linq.Dynamic.Core.CustomTypeProviders;

namespace CrmStateSync.Rules.Configuration;

/// <summary>
/// Every number the default rules use. Day counts are calendar days (the rules work on dates, not instants).
/// Bound from configuration (<c>Rules:Thresholds</c>) and overridable per segment (<c>Rules:Segments:{name}</c>);
/// stage criteria and risk signals reach them as <c>T.Name</c>.
/// </summary>
[DynamicLinqType]
public sealed class Thresholds
{
    /// <summary>Goal Clarity is Hit while the last review is at most this many days old. Default 90.</summary>
    public int GoalReviewHitDays { get; set; } = 90;

    /// <summary>Goal Clarity slips once the last review is more than this many days old. Default 120.</summary>
    public int GoalReviewSlipDays { get; set; } = 120;

    /// <summary>Value actions in the last window that count as adoption (Hit, and the Adopting gate). Default 10.</summary>
    public int ValueActionThreshold { get; set; } = 10;

    /// <summary>The value-action window. Default 14.</summary>
    public int ValueActionWindowDays { get; set; } = 14;

    /// <summary>The window in which a contact counts as active and core events are counted. Default 30.</summary>
    public int ActivityWindowDays { get; set; } = 30;

    /// <summary>Active contacts needed for Multi-Stakeholder Engagement. Default 2.</summary>
    public int MinActiveContacts { get; set; } = 2;

    /// <summary>Distinct functions among active contacts needed. Default 2.</summary>
    public int MinActiveFunctions { get; set; } = 2;

    /// <summary>An exec sponsor engaged at most this many days ago keeps the state Hit. Default 60.</summary>
    public int ExecSponsorEngagedDays { get; set; } = 60;

    /// <summary>The outcome review cycle. Default 90.</summary>
    public int OutcomeCycleDays { get; set; } = 90;

    /// <summary>An automated At-Risk recovers no sooner than this many days after entry. Default 14.</summary>
    public int AtRiskRecoveryDays { get; set; } = 14;

    /// <summary>Renewal this close counts as a risk when states are not Hit. Default 60.</summary>
    public int RenewalRiskDays { get; set; } = 60;

    /// <summary>States not Hit that make a near renewal a risk. Default 2.</summary>
    public int RenewalRiskStatesNotHit { get; set; } = 2;

    /// <summary>Core events in the previous window needed before a drop counts. Default 3.</summary>
    public int CoreEventsDropMinPrevious { get; set; } = 3;

    /// <summary>Renewal this close makes any non-Hit state a hidden risk. Default 90.</summary>
    public int DivergenceRenewalDays { get; set; } = 90;

    /// <summary>Days a manually set stage is pinned against automated moves. Default 30.</summary>
    public int ManualPinDays { get; set; } = 30;

    /// <summary>Days from raising an intervention to its due date. Default 7.</summary>
    public int InterventionDueDays { get; set; } = 7;

    /// <summary>Days after a leadership change the goal-clarity conversation is due. Default 30.</summary>
    public int GoalClarityConversationDays { get; set; } = 30;

    /// <summary>A copy, so a segment's overrides never touch the base values.</summary>
    public Thresholds Clone() => (Thresholds)MemberwiseClone();
}
