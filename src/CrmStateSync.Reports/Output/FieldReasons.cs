using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Output;

/// <summary>Why a managed field has its computed value: the reason of the rule that computed it (rules.md).</summary>
internal static class FieldReasons
{
    public static string Of(EvaluationResult result, string field)
    {
        var colon = field.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? field : field[..colon];
        return prefix switch
        {
            "state" or "stateVerified" when CsStates.TryParseKey(field[(colon + 1)..], out var state) => result.States[(int)state].Reason.ToString(),
            "milestone" or ManagedField.MilestonesCompleted or ManagedField.NextMilestone or ManagedField.MilestoneStalled or ManagedField.MilestoneStalledSince
                => result.Milestones.Reason.ToString(),
            ManagedField.Divergence => result.Divergence.Reason,
            _ => result.Stage.Reason,
        };
    }
}
