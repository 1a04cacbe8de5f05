using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.States;

/// <summary>02 Configured for Goals: workflows live, verified after the latest goal change, value actions in use.</summary>
internal static class ConfiguredForGoalsRule
{
    private const CsState State = CsState.ConfiguredForGoals;
    private const InterventionKind Review = InterventionKind.ConfigurationReview;

    public static StateOutcome Evaluate(in StateInputs x, in StateOutcome goalClarity)
    {
        if (goalClarity.Value == StateValue.Reset)
        {
            return x.Outcome(State, StateValue.Reset, goalClarity.VerifiedOn, new Reason(ReasonCode.CfgGoalClarityReset, goalClarity.VerifiedOn), Review);
        }

        if (x.Known(x.Snapshot.ConfigVerifiedOn) is not { } verified)
        {
            return x.Outcome(State, StateValue.Reset, null, new Reason(ReasonCode.CfgNeverVerified), Review);
        }

        if (x.Known(x.Snapshot.WorkflowGapOn) is { } gap && gap > verified)
        {
            return x.Outcome(State, StateValue.Slipping, gap, new Reason(ReasonCode.CfgWorkflowGap, gap, Date2: verified), Review);
        }

        if (x.Signals.LatestGoalChangeOn is { } change && change > verified)
        {
            return x.Outcome(State, StateValue.Slipping, change, new Reason(ReasonCode.CfgStale, change, Date2: verified), Review);
        }

        var valueActions = x.Signals.ValueActions14d;
        if (x.Snapshot.WorkflowsLive && valueActions > 0)
        {
            return x.Outcome(State, StateValue.Hit, verified, new Reason(ReasonCode.CfgHit, verified, valueActions));
        }

        return x.Grace(State, verified, new Reason(ReasonCode.CfgGrace, verified, valueActions, x.Snapshot.WorkflowsLive ? 1 : 0));
    }
}
