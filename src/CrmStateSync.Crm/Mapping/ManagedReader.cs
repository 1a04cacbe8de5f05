using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Mapping;

/// <summary>Reads the worker's own fields (the CRM's current values: the rules' previous values) from an account.</summary>
internal static class ManagedReader
{
    private const string StageEntryPrefix = "stageEntryDate:";
    private const string MilestonePrefix = "milestone:";

    /// <summary>Every mapped managed field's current value as canonical text (see <see cref="AccountRecord.ManagedText"/>).</summary>
    public static Dictionary<string, string?> Texts(RawFields f, FieldMappingOptions mapping)
    {
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in mapping.Account.Keys)
        {
            texts[key] = ManagedField.KindOf(key) switch
            {
                ManagedFieldKind.NotManaged => null,
                ManagedFieldKind.Date => f.Date(key)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ManagedFieldKind.Number => f.Decimal(key)?.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture),
                ManagedFieldKind.Boolean => f.Bool(key) is { } b ? (b ? "true" : "false") : null,
                ManagedFieldKind.StagePicklist => f.Label(key, "stage"),
                ManagedFieldKind.StatePicklist => f.Enum<StateValue>(key, "stateValue")?.ToString(),
                _ => f.Text(key),
            };
        }

        foreach (var key in mapping.Account.Keys.Where(k => !ManagedField.IsManaged(k)).ToList())
        {
            texts.Remove(key);
        }

        return texts;
    }

    public static ManagedValues Read(RawFields f, FieldMappingOptions mapping)
    {
        var entryDates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var milestones = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var key in mapping.Account.Keys)
        {
            if (key.StartsWith(StageEntryPrefix, StringComparison.Ordinal) && f.Date(key) is { } entered)
            {
                entryDates[key[StageEntryPrefix.Length..]] = entered;
            }
            else if (key.StartsWith(MilestonePrefix, StringComparison.Ordinal) && f.Date(key) is { } completed)
            {
                milestones[key[MilestonePrefix.Length..]] = completed;
            }
        }

        var states = StateSet.Empty;
        foreach (var state in CsStates.All)
        {
            if (f.Enum<StateValue>(ManagedField.State(state), "stateValue") is { } value)
            {
                states = states.With(state, new StateReading(value, f.Date(ManagedField.StateVerified(state))));
            }
        }

        return new ManagedValues
        {
            Stage = f.Label(ManagedField.Stage, "stage"),
            StageEntryDates = entryDates,
            States = states,
            Milestones = milestones,
            MilestoneStalled = f.Bool(ManagedField.MilestoneStalled),
            MilestoneStalledSince = f.Date(ManagedField.MilestoneStalledSince),
        };
    }
}
