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

    /// <summary>
    /// An accepted manual move (rules.md §3): "At-Risk since 2026-06-01: moved by hand: Budget freeze". The stage field
    /// already holds the move, so this sentence is what tells the CRM's users that a CSM set it, not the rules.
    /// </summary>
    public static string Manual(CompiledStage stage, DateOnly on, ManualMove move, string? atRiskReason, string? overrideReason)
    {
        var why = move.Rule switch
        {
            ManualMoveRule.AdminOverride => $"moved by hand from {move.From ?? "no stage"}, admin override: {overrideReason?.Trim()}",
            ManualMoveRule.AtRiskWithReason => $"moved by hand: {atRiskReason?.Trim()}",
            ManualMoveRule.FirstStage => "set by hand",
            _ => $"moved by hand from {move.From}",
        };
        return $"{stage.Name} since {on.Iso()}: {why}";
    }

    /// <summary>
    /// A manually set stage restated on a later evaluation: the rules did not put it there, so their criteria are not
    /// its reason (the override reason is cleared by then; a manual At-Risk keeps its At-Risk reason).
    /// </summary>
    public static string ManualHeld(CompiledStage stage, DateOnly? since, string? atRiskReason) =>
        $"{stage.Name} since {since.Iso()}: moved by hand"
        + (stage.Kind == StageKind.Risk && !string.IsNullOrWhiteSpace(atRiskReason) ? $": {atRiskReason.Trim()}" : "");

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
