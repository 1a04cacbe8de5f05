using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;

namespace CrmStateSync.Sync.Diff;

/// <summary>
/// An evaluation's managed values keyed by <see cref="ManagedField"/> — every field the worker owns, with null where
/// the field should be empty (an entry date of a stage never reached, a cleared stamp after reactivation).
/// </summary>
public static class DesiredValues
{
    public static Dictionary<string, object?> From(EvaluationResult result, CompiledRules rules)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rules);
        var stage = result.Stage;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [ManagedField.Stage] = stage.Stage,
            [ManagedField.StageReason] = Truncate(stage.Reason, 255),
            [ManagedField.TimeToValueDays] = stage.TimeToValueDays,
            [ManagedField.Divergence] = string.IsNullOrEmpty(result.Divergence.Text) ? null : Truncate(result.Divergence.Text, 255),
            [ManagedField.MilestonesCompleted] = result.Milestones.Completed,
            [ManagedField.NextMilestone] = result.Milestones.NextMilestone,
            [ManagedField.MilestoneStalled] = result.Milestones.Stalled,
            [ManagedField.MilestoneStalledSince] = result.Milestones.StalledSince,
        };
        foreach (var label in rules.StageLabels)
        {
            values[ManagedField.StageEntryDate(label)] = stage.EntryDates.TryGetValue(label, out var d) ? d : null;
        }

        foreach (var s in result.States)
        {
            values[ManagedField.State(s.State)] = s.Value;
            values[ManagedField.StateVerified(s.State)] = s.VerifiedOn;
        }

        foreach (var key in rules.MilestoneKeys)
        {
            values[ManagedField.Milestone(key)] = result.Milestones.CompletedOn.TryGetValue(key, out var d) ? d : null;
        }

        if (stage.ClearOverrideReason)
        {
            values[ManagedField.OverrideReason] = null;
        }

        return values;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
