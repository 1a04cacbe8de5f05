using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.States;

/// <summary>01 Goal Clarity: owner, primary goal, review within 90 days; slips on departure or review &gt; 120 days.</summary>
internal static class GoalClarityRule
{
    private const CsState State = CsState.GoalClarity;

    public static StateOutcome Evaluate(in StateInputs x)
    {
        var s = x.Snapshot;
        var reviewed = x.Known(s.GoalReviewedOn);
        if (x.Known(s.LeadershipChangeOn) is { } change && (reviewed is null || change > reviewed))
        {
            // A leadership change resets unconditionally, even without any review (it wins over never established).
            var reason = new Reason(ReasonCode.GcLeadershipChange, change);
            return new StateOutcome(State, StateValue.Reset, change, reason,
                InterventionKind.GoalClarityConversation, change.AddDays(x.T.GoalClarityConversationDays));
        }

        if (!x.Signals.GoalOwnerSet || !x.Signals.PrimaryGoalSet || reviewed is null)
        {
            var missing = (x.Signals.GoalOwnerSet ? 0 : 1) | (x.Signals.PrimaryGoalSet ? 0 : 2) | (reviewed is null ? 4 : 0);
            return x.Outcome(State, StateValue.Reset, null, new Reason(ReasonCode.GcNeverEstablished, A: missing));
        }

        if (OwnerDepartedOn(x) is { } departed)
        {
            return x.Outcome(State, StateValue.Slipping, departed, new Reason(ReasonCode.GcOwnerDeparted, departed));
        }

        var age = x.Signals.DaysSinceGoalReview ?? 0;
        if (age > x.T.GoalReviewSlipDays)
        {
            return x.Outcome(State, StateValue.Slipping, reviewed, new Reason(ReasonCode.GcReviewStale, reviewed, age, x.T.GoalReviewSlipDays));
        }

        return age <= x.T.GoalReviewHitDays
            ? x.Outcome(State, StateValue.Hit, reviewed, new Reason(ReasonCode.GcHit, reviewed, age, x.T.GoalReviewHitDays))
            : x.Grace(State, reviewed, new Reason(ReasonCode.GcGrace, reviewed, age, x.T.GoalReviewHitDays));
    }

    private static DateOnly? OwnerDepartedOn(in StateInputs x)
    {
        for (var ic = 0; ic < x.Snapshot.Contacts.Count; ic++)
        {
            var c = x.Snapshot.Contacts[ic];
            if (c.Id == x.Snapshot.GoalOwnerId)
            {
                return x.Known(c.DepartedOn);
            }
        }

        return null;
    }
}
