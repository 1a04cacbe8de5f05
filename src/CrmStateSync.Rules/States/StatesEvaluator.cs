using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.States;

/// <summary>The six states in table order; Configured for Goals reads Goal Clarity's outcome (the one cross-state rule).</summary>
internal static class StatesEvaluator
{
    public static StateOutcome[] Evaluate(AccountSnapshot snapshot, Signals.Signals signals)
    {
        var x = new StateInputs(snapshot, signals, snapshot.Managed.States);
        var outcomes = new StateOutcome[6];
        outcomes[0] = GoalClarityRule.Evaluate(x);
        outcomes[1] = ConfiguredForGoalsRule.Evaluate(x, outcomes[0]);
        outcomes[2] = ValueActionAdoptionRule.Evaluate(x);
        outcomes[3] = MultiStakeholderRule.Evaluate(x);
        outcomes[4] = OutcomeAttributionRule.Evaluate(x);
        outcomes[5] = DailyWorkIntegrationRule.Evaluate(x);
        return outcomes;
    }
}
