using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Signals;

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

        var gap = x.Known(x.Snapshot.WorkflowGapOn) is { } g && g > verified ? g : (DateOnly?)null;
        var stale = x.Signals.LatestGoalChangeOn is { } c && c > verified ? c : (DateOnly?)null;
        if (gap is not null || stale is not null)
        {
            return Slipping(x, verified, gap, stale);
        }

        var valueActions = x.Signals.ValueActions14d;
        if (x.Snapshot.WorkflowsLive && valueActions > 0)
        {
            return x.Outcome(State, StateValue.Hit, verified, new Reason(ReasonCode.CfgHit, verified, valueActions));
        }

        return x.Grace(State, verified, new Reason(ReasonCode.CfgGrace, verified, valueActions, x.Snapshot.WorkflowsLive ? 1 : 0));
    }

    /// <summary>A workflow gap, a stale configuration, or both: verified-on is the newest of the two (rules.md §8).</summary>
    private static StateOutcome Slipping(in StateInputs x, DateOnly verified, DateOnly? gap, DateOnly? stale)
    {
        var reason = (gap, stale) switch
        {
            ({ } g, { } c) => new Reason(ReasonCode.CfgGapAndStale, g, Date2: verified, Text: c.Iso()),
            ({ } g, null) => new Reason(ReasonCode.CfgWorkflowGap, g, Date2: verified),
            _ => new Reason(ReasonCode.CfgStale, stale, Date2: verified),
        };
        return x.Outcome(State, StateValue.Slipping, Dates.Latest(gap, stale), reason, Review);
    }
}
