using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Signals;

/// <summary>Computes the <see cref="Signals"/> of a snapshot at an as-of date.</summary>
internal static class SignalsBuilder
{
    /// <param name="snapshot">The account.</param>
    /// <param name="asOf">The evaluation date; later facts are ignored.</param>
    /// <param name="thresholds">The segment's thresholds.</param>
    /// <param name="life">The account's current life (its start counts days as a customer).</param>
    /// <param name="factsFrom">Usage, kickoff and onboarding facts before this date do not count (progression filter).</param>
    public static Signals Build(AccountSnapshot snapshot, DateOnly asOf, Thresholds thresholds, Evaluation.CustomerLife life, DateOnly factsFrom)
    {
        var s = new Signals { AsOf = asOf, Segment = snapshot.Segment, T = thresholds };
        OpportunitySignals.Fill(s, snapshot.Opportunities, asOf);
        UsageSignals.Fill(s, snapshot.Usage, asOf, factsFrom);
        ContactSignals.Fill(s, snapshot.Contacts, asOf);
        s.CustomerSince = life.Start;
        s.CustomerSinceDeal = life.Deal;
        s.ReactivatedAfterChurnOn = life.ChurnedOn;
        s.ReactivatedAfterCause = life.Before?.Cause;
        if (life.FromHistory)
        {
            // A churn a replay would have recorded stays, even where today's facts alone no longer show it (§8).
            s.ChurnedOn = life.Now?.On;
            s.ChurnNow = life.Now;
        }
        s.DaysAsCustomer = life.Start is { } since && since <= asOf ? Dates.DaysBetween(since, asOf) : null;
        s.KickoffOn = Filtered(snapshot.KickoffOn, asOf, factsFrom);
        s.OnboardingCompleteOn = Filtered(snapshot.OnboardingCompleteOn, asOf, factsFrom);
        s.OnboardingStartedOn = Dates.Earliest(s.KickoffOn, s.FirstActiveOn);
        s.GoalOwnerSet = !string.IsNullOrWhiteSpace(snapshot.GoalOwnerId);
        s.PrimaryGoalSet = !string.IsNullOrWhiteSpace(snapshot.PrimaryGoal);
        s.DaysSinceGoalReview = Dates.Known(snapshot.GoalReviewedOn, asOf) is { } reviewed ? Dates.DaysBetween(reviewed, asOf) : null;
        s.LatestGoalChangeOn = Dates.Latest(Dates.Known(snapshot.GoalChangedOn, asOf), Dates.Known(snapshot.LeadershipChangeOn, asOf));
        s.WorkflowsLive = snapshot.WorkflowsLive;
        s.IntegrationStatus = IntegrationAsOf(snapshot, asOf);
        s.LastOutcomeOn = Dates.Known(snapshot.LastOutcomeOn, asOf);
        return s;
    }

    /// <summary>
    /// The status is a fact dated by <c>integrationChangedOn</c>: when that date is after as-of the change is not known
    /// yet, and the status before it is not recorded, so it reads as absent (rules.md §8 "facts dated after asOf are
    /// ignored"; §8 06 absent = never integrated). Without this a replay saw a removal on its first day.
    /// </summary>
    private static IntegrationStatus IntegrationAsOf(AccountSnapshot snapshot, DateOnly asOf) =>
        snapshot.IntegrationChangedOn > asOf ? IntegrationStatus.None : snapshot.IntegrationStatus ?? IntegrationStatus.None;

    private static DateOnly? Filtered(DateOnly? date, DateOnly asOf, DateOnly factsFrom) =>
        date is { } d && d <= asOf && d >= factsFrom ? d : null;
}
