using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.AdminConsole.Pages;

/// <summary>
/// The names people know the managed fields by (the "meaning" column of crm-schema.md), for the canonical keys the store
/// keeps. The six states take their labels from <see cref="CsStates"/>, the one list of them; the catalogue has no label
/// for the other managed keys, so they are named here.
/// </summary>
public static class FieldLabels
{
    private static readonly Dictionary<string, string> Fixed = new(StringComparer.Ordinal)
    {
        [ManagedField.Stage] = "Lifecycle stage",
        [ManagedField.StageReason] = "Stage reason",
        [ManagedField.TimeToValueDays] = "Time to value (days)",
        [ManagedField.Divergence] = "Divergence",
        [ManagedField.MilestonesCompleted] = "Milestones completed",
        [ManagedField.NextMilestone] = "Next milestone",
        [ManagedField.MilestoneStalled] = "Milestone stalled",
        [ManagedField.MilestoneStalledSince] = "Milestone stalled since",
        [ManagedField.OverrideReason] = "Override reason",
    };

    /// <summary>The label of a canonical key; the key itself for one not known here.</summary>
    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Fixed.TryGetValue(key, out var label))
        {
            return label;
        }

        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var (prefix, rest) = colon < 0 ? (key, "") : (key[..colon], key[(colon + 1)..]);
        return prefix switch
        {
            "stageEntryDate" => $"{rest} entry date",
            "state" when CsStates.TryParseKey(rest, out var state) => state.Label(),
            "stateVerified" when CsStates.TryParseKey(rest, out var state) => $"{state.Label()} verified on",
            "milestone" => $"Milestone {rest} completed on",
            _ => key,
        };
    }
}
