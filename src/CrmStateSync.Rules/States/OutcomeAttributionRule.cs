using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Signals;

namespace CrmStateSync.Rules.States;

/// <summary>
/// 05 Outcome Attribution, rolling over the review cycle: ≤ 90 days Hit, 91–180 Reset (decayed), ≥ 181 Slipping;
/// precedence Hit &gt; Slipping &gt; Reset.
/// </summary>
internal static class OutcomeAttributionRule
{
    private const CsState State = CsState.OutcomeAttribution;
    private const InterventionKind Review = InterventionKind.OutcomeReview;

    public static StateOutcome Evaluate(in StateInputs x)
    {
        var cycle = x.T.OutcomeCycleDays;
        var change = x.Signals.LatestGoalChangeOn;
        if (x.Signals.LastOutcomeOn is not { } last)
        {
            // Never attributed: Reset while a customer for up to two cycles, Slipping after.
            var days = x.Signals.DaysAsCustomer;
            return days is null || days <= 2 * cycle
                ? x.Outcome(State, StateValue.Reset, null, new Reason(ReasonCode.OaNeverNew, null, days ?? 0, 2 * cycle))
                : x.Outcome(State, StateValue.Slipping, change, new Reason(ReasonCode.OaNeverLong, change, days.Value, 2 * cycle), Review);
        }

        var age = Dates.DaysBetween(last, x.AsOf);
        var changedAfter = change > last;
        if (age <= cycle && !changedAfter)
        {
            return x.Outcome(State, StateValue.Hit, last, new Reason(ReasonCode.OaHit, last, age, cycle));
        }

        if (changedAfter)
        {
            return x.Outcome(State, StateValue.Slipping, change, new Reason(ReasonCode.OaGoalChange, change, Date2: last), Review);
        }

        return age > 2 * cycle
            ? x.Outcome(State, StateValue.Slipping, last, new Reason(ReasonCode.OaTwoCycles, last, age, 2 * cycle), Review)
            : x.Outcome(State, StateValue.Reset, last, new Reason(ReasonCode.OaDecayed, last, age, cycle));
    }
}
