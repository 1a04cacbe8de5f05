using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.States;

/// <summary>06 Daily-Work Integration: integration live and in new-hire onboarding; Broken/Removed after Live escalates.</summary>
internal static class DailyWorkIntegrationRule
{
    private const CsState State = CsState.DailyWorkIntegration;

    public static StateOutcome Evaluate(in StateInputs x)
    {
        var changed = x.Known(x.Snapshot.IntegrationChangedOn);
        var wasIntegrated = x.Previous.Get(State)?.Value is StateValue.Hit or StateValue.Slipping;
        InterventionKind? escalate = wasIntegrated ? InterventionKind.IntegrationEscalation : null;
        switch (x.Signals.IntegrationStatus)
        {
            case IntegrationStatus.Removed:
                return x.Outcome(State, StateValue.Reset, changed, new Reason(ReasonCode.DwiRemoved, changed), escalate);
            case IntegrationStatus.Broken:
                return x.Outcome(State, StateValue.Slipping, changed, new Reason(ReasonCode.DwiBroken, changed), escalate);
            case IntegrationStatus.None:
                return x.Outcome(State, StateValue.Reset, null, new Reason(ReasonCode.DwiNeverIntegrated));
        }

        return x.Snapshot.InNewHireOnboarding switch
        {
            false => x.Outcome(State, StateValue.Slipping, changed, new Reason(ReasonCode.DwiNewHireDropped, changed)),
            true => x.Outcome(State, StateValue.Hit, changed, new Reason(ReasonCode.DwiHit, changed)),
            null => x.Grace(State, changed, new Reason(ReasonCode.DwiGrace, changed)),
        };
    }
}
