using CrmStateSync.Rules.Configuration;

namespace CrmStateSync.Rules.Stages;

/// <summary>Validates a manual stage move. The override reason is checked first: it wins over every other rule.</summary>
internal static class ManualMoveValidator
{
    public static ManualMove Validate(CompiledStageModel model, string? from, string? to, string? atRiskReason, string? overrideReason)
    {
        var fromStage = model.Find(from);
        var toStage = model.Find(to);
        if (!string.IsNullOrWhiteSpace(overrideReason))
        {
            return Accept(ManualMoveRule.AdminOverride, $"admin override: {overrideReason.Trim()}");
        }

        if (string.IsNullOrWhiteSpace(to))
        {
            return Reject(ManualMoveRule.ClearedNeedsOverride, "the stage was cleared; clearing it needs an override reason");
        }

        if (toStage is null)
        {
            return Reject(ManualMoveRule.UnknownStage, $"'{to}' is not a stage of the model ({string.Join(", ", model.Labels)})");
        }

        if (toStage.Kind == StageKind.Terminal || fromStage?.Kind == StageKind.Terminal)
        {
            var terminal = model.Terminal!.Name;
            return Reject(ManualMoveRule.TerminalNeedsOverride, $"moves into or out of {terminal} need an override reason");
        }

        if (toStage.Kind == StageKind.Risk)
        {
            return string.IsNullOrWhiteSpace(atRiskReason)
                ? Reject(ManualMoveRule.AtRiskWithoutReason, $"a move to {toStage.Name} needs an At-Risk reason")
                : Accept(ManualMoveRule.AtRiskWithReason, $"moved to {toStage.Name} by hand: {atRiskReason.Trim()}");
        }

        if (fromStage?.Kind == StageKind.Risk)
        {
            return Accept(ManualMoveRule.AtRiskCleared, $"{fromStage.Name} cleared by hand");
        }

        if (fromStage is null)
        {
            return Accept(ManualMoveRule.FirstStage, "stage set by hand");
        }

        return toStage.Order > fromStage.Order
            ? Accept(ManualMoveRule.ForwardMove, $"forward move {from} → {to}")
            : Reject(ManualMoveRule.BackwardMove, $"backward move {from} → {to}: stages only move forward without an override reason");

        ManualMove Accept(ManualMoveRule rule, string reason) => new(from, to, true, rule, reason);
        ManualMove Reject(ManualMoveRule rule, string reason) => new(from, to, false, rule, reason);
    }
}
