using System.Linq.Dynamic.Core.CustomTypeProviders;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Signals;

/// <summary>
/// Named, typed values computed from a snapshot at an as-of date (rules.md §2). Stage criteria, risk signals,
/// milestone conditions and reason templates are expressions over these properties.
/// Built by <see cref="SignalsBuilder"/>; facts dated after as-of are ignored (except contract ends and open renewals).
/// </summary>
[DynamicLinqType]
public sealed class Signals
{
    private IReadOnlyList<UsageRow> _usage = [];
    private DateOnly _factsFrom;

    public DateOnly AsOf { get; internal set; }
    public string? Segment { get; internal set; }

    /// <summary>The thresholds in force for the account's segment.</summary>
    public Thresholds T { get; internal set; } = Defaults;

    private static readonly Thresholds Defaults = new();

    // Opportunities and subscription
    public bool HasClosedWon { get; internal set; }
    public DateOnly? FirstClosedWonOn { get; internal set; }
    public DateOnly? LatestClosedWonOn { get; internal set; }
    public bool ActiveSubscription { get; internal set; }
    public DateOnly? SubscriptionEndedOn { get; internal set; }

    /// <summary>The id of the contract that ended last, when every contract ended.</summary>
    public string? SubscriptionEndedDeal { get; internal set; }

    public DateOnly? RenewalLostOn { get; internal set; }

    /// <summary>The id of the lost renewal behind <see cref="RenewalLostOn"/>.</summary>
    public string? RenewalLostDeal { get; internal set; }

    /// <summary>The churn date of rules.md §8 ((a) every contract ended, (b) a lost renewal; the earlier), or null.</summary>
    public DateOnly? ChurnedOn { get; internal set; }

    public DateOnly? RenewalOn { get; internal set; }
    public int? RenewalInDays { get; internal set; }
    public bool HasOpenOpportunity { get; internal set; }
    public bool HasOpenExpansion { get; internal set; }

    /// <summary>The start of the current life: the first won NewBusiness/Renewal close, or the reactivating close.</summary>
    public DateOnly? CustomerSince { get; internal set; }

    /// <summary>The id of the deal that started the current life.</summary>
    public string? CustomerSinceDeal { get; internal set; }

    /// <summary>When the current life is a reactivation: the churn date of the life before it.</summary>
    public DateOnly? ReactivatedAfterChurnOn { get; internal set; }

    /// <summary>Days since <see cref="CustomerSince"/>.</summary>
    public int? DaysAsCustomer { get; internal set; }

    internal string? ReactivatedAfterCause { get; set; }

    /// <summary>The churn read from the account's history (what the Churned reason names), when it was read.</summary>
    internal ChurnReading? ChurnNow { get; set; }

    /// <summary>Why the account is a customer, naming the deal and the dates (the default New Customer reason).</summary>
    public string CustomerStartText => SignalTexts.CustomerStart(this);

    /// <summary>What started onboarding, saying in words what is missing (the default Onboarding reason).</summary>
    public string OnboardingStartText => SignalTexts.OnboardingStart(this);

    /// <summary>What ended the subscription, naming the deal and the date (the default Churned reason).</summary>
    public string ChurnText => SignalTexts.Churn(this);

    // Onboarding
    public DateOnly? KickoffOn { get; internal set; }
    public DateOnly? FirstActiveOn { get; internal set; }

    /// <summary>The earlier of <see cref="KickoffOn"/> and <see cref="FirstActiveOn"/>.</summary>
    public DateOnly? OnboardingStartedOn { get; internal set; }

    public DateOnly? OnboardingCompleteOn { get; internal set; }

    // Usage windows
    public int ValueActions14d { get; internal set; }
    public int ValueActionsPrev14d { get; internal set; }
    public int CoreEvents30d { get; internal set; }
    public int CoreEventsPrev30d { get; internal set; }

    /// <summary>Max daily active users in the last 30 days.</summary>
    public int ActiveUsers30d { get; internal set; }

    public int TotalValueActions { get; internal set; }
    public int TotalCoreEvents { get; internal set; }
    public DateOnly? LastUsageOn { get; internal set; }
    public int? DaysSinceLastUsage { get; internal set; }

    /// <summary>Core events in the last 30 days at most half of the previous 30 (previous ≥ threshold).</summary>
    public bool CoreEventsDropped { get; internal set; }

    // Contacts
    public int ContactCount { get; internal set; }
    public int ActiveContacts30d { get; internal set; }
    public int ActiveFunctions30d { get; internal set; }
    public int? ExecSponsorEngagedDaysAgo { get; internal set; }

    // Goals, configuration, integration, outcomes
    public bool GoalOwnerSet { get; internal set; }
    public bool PrimaryGoalSet { get; internal set; }
    public int? DaysSinceGoalReview { get; internal set; }

    /// <summary>The later of <c>goalChangedOn</c> and <c>leadershipChangeOn</c>.</summary>
    public DateOnly? LatestGoalChangeOn { get; internal set; }

    public bool WorkflowsLive { get; internal set; }
    public IntegrationStatus IntegrationStatus { get; internal set; }
    public bool IntegrationRemoved => IntegrationStatus == IntegrationStatus.Removed;
    public DateOnly? LastOutcomeOn { get; internal set; }

    // The six states of this evaluation (set after the states are computed, so stage criteria can read them)
    public StateValue GoalClarity { get; internal set; }
    public StateValue ConfiguredForGoals { get; internal set; }
    public StateValue ValueActionAdoption { get; internal set; }
    public StateValue MultiStakeholderEngagement { get; internal set; }
    public StateValue OutcomeAttribution { get; internal set; }
    public StateValue DailyWorkIntegration { get; internal set; }

    /// <summary>How many of the six states are not Hit.</summary>
    public int StatesNotHit { get; internal set; }

    /// <summary>Sum of a named usage metric over the last <paramref name="days"/> days.</summary>
    public double Sum(string metric, int days)
    {
        var from = AsOf.AddDays(1 - days);
        return SumMetric(metric, from);
    }

    /// <summary>Sum of a named usage metric over all usage (on or after the facts filter) up to as-of.</summary>
    public double Total(string metric) => SumMetric(metric, DateOnly.MinValue);

    private double SumMetric(string metric, DateOnly from)
    {
        double total = 0;
        for (var irow = 0; irow < _usage.Count; irow++)
        {
            var row = _usage[irow];
            if (row.Date > AsOf || row.Date < from || row.Date < _factsFrom)
            {
                continue;
            }

            if (row.Metrics.TryGetValue(metric, out var value))
            {
                total += value;
            }
        }

        return total;
    }

    internal void AttachUsage(IReadOnlyList<UsageRow> usage, DateOnly factsFrom)
    {
        _usage = usage;
        _factsFrom = factsFrom;
    }

    internal void SetStates(States.StateOutcome[] outcomes)
    {
        GoalClarity = outcomes[0].Value;
        ConfiguredForGoals = outcomes[1].Value;
        ValueActionAdoption = outcomes[2].Value;
        MultiStakeholderEngagement = outcomes[3].Value;
        OutcomeAttribution = outcomes[4].Value;
        DailyWorkIntegration = outcomes[5].Value;
        var notHit = 0;
        foreach (var o in outcomes)
        {
            notHit += o.Value == StateValue.Hit ? 0 : 1;
        }

        StatesNotHit = notHit;
    }
}
