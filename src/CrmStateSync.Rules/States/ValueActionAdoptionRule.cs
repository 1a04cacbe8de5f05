using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.States;

/// <summary>03 Value-Action Adoption: threshold value actions in the last 14 days; two windows below slip; never resets.</summary>
internal static class ValueActionAdoptionRule
{
    private const CsState State = CsState.ValueActionAdoption;

    public static StateOutcome Evaluate(in StateInputs x)
    {
        var last = x.Signals.ValueActions14d;
        var previous = x.Signals.ValueActionsPrev14d;
        var threshold = x.T.ValueActionThreshold;
        if (last >= threshold)
        {
            return x.Outcome(State, StateValue.Hit, x.EnteredOn(State, StateValue.Hit), new Reason(ReasonCode.VaaHit, null, last, threshold));
        }

        if (previous < threshold)
        {
            var reason = new Reason(ReasonCode.VaaSlipping, null, last, threshold, previous);
            return x.Outcome(State, StateValue.Slipping, x.EnteredOn(State, StateValue.Slipping), reason, InterventionKind.AdoptionIntervention);
        }

        // 03 never resets: a Reset typed into the CRM by hand is not a value grace can keep.
        var grace = x.Previous.Get(State)?.Value == StateValue.Reset ? x with { Previous = x.Previous.With(State, null) } : x;
        return grace.Grace(State, x.AsOf, new Reason(ReasonCode.VaaGrace, null, last, threshold, previous));
    }
}
