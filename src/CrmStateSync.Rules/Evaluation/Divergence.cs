using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.States;

namespace CrmStateSync.Rules.Evaluation;

/// <summary>Where the stage and the states disagree (rules.md §6): the text written beside the stage, empty when they agree.</summary>
/// <param name="Text">"Hidden risk: …", "Ahead of stage: …" or empty.</param>
/// <param name="Reason">Why the text is what it is.</param>
public readonly record struct Divergence(string Text, string Reason)
{
    private const string AheadText = "Ahead of stage: Goal Clarity, Configured for Goals, Multi-Stakeholder Engagement Hit";

    internal static Divergence Compute(CompiledRules rules, string? stage, StateOutcome[] states, Signals.Signals signals)
    {
        var renewalSoon = signals.RenewalInDays is >= 0 and var d && d <= signals.T.DivergenceRenewalDays;
        var riskStage = rules.IsHiddenRiskStage(stage);
        if ((riskStage || renewalSoon) && AnyNotHit(states))
        {
            var text = "Hidden risk: " + string.Join("; ", states.Where(s => s.Value != StateValue.Hit).Select(s => $"{s.State.Label()} {s.Value}"));
            var why = riskStage ? $"stage {stage} while states are not Hit" : $"renewal in {signals.RenewalInDays} days while states are not Hit";
            return new Divergence(text, why);
        }

        if (rules.IsAheadOfStageStage(stage)
            && states[(int)CsState.GoalClarity].Value == StateValue.Hit
            && states[(int)CsState.ConfiguredForGoals].Value == StateValue.Hit
            && states[(int)CsState.MultiStakeholderEngagement].Value == StateValue.Hit)
        {
            return new Divergence(AheadText, $"stage {stage} while goal, configuration and stakeholder states are all Hit");
        }

        return new Divergence("", "stage and states agree");
    }

    private static bool AnyNotHit(StateOutcome[] states)
    {
        foreach (var s in states)
        {
            if (s.Value != StateValue.Hit)
            {
                return true;
            }
        }

        return false;
    }
}
