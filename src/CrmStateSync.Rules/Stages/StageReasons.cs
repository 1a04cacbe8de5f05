using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Signals;

namespace CrmStateSync.Rules.Stages;

/// <summary>Stage reason sentences.</summary>
internal static class StageReasons
{
    public static string Entered(CompiledStage stage, DateOnly on, Signals.Signals signals) =>
        stage.Reason is null ? $"{stage.Name} since {on.Iso()}: {stage.CriterionText}" : $"{stage.Name} since {on.Iso()}: {stage.Reason.Render(signals)}";

    public static string Risk(CompiledStage stage, DateOnly on, CompiledRiskSignal signal, Signals.Signals signals) =>
        $"{stage.Name} since {on.Iso()}: {signal.Name}" + (signal.Reason is null ? "" : $": {signal.Reason.Render(signals)}");

    /// <summary>The reason for the current stage: the entering transition's reason, or a restatement of why it holds.</summary>
    public static string Current(CompiledStage? stage, DateOnly? since, Signals.Signals? signals, IReadOnlyList<Transition> transitions)
    {
        if (transitions.Count > 0 && transitions[^1].To == stage?.Name)
        {
            return transitions[^1].Reason;
        }

        if (stage is null || signals is null)
        {
            return "no stage";
        }

        var sinceText = $"{stage.Name} since {since.Iso()}";
        if (stage.Kind == StageKind.Risk)
        {
            var holding = stage.RiskSignals.FirstOrDefault(r => r.Criterion(signals));
            return holding is null ? $"{sinceText}: recovery waits for the recovery window" : Risk(stage, since ?? signals.AsOf, holding, signals);
        }

        if (stage.Criterion is not null && stage.Criterion(signals))
        {
            return Entered(stage, since ?? signals.AsOf, signals);
        }

        return $"{sinceText}: entered when {stage.CriterionText} held; automated stages never move backward";
    }
}
