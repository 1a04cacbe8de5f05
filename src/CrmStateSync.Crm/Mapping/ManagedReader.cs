using System.Globalization;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Mapping;

/// <summary>Reads the worker's own fields (the CRM's current values: the rules' previous values) from an account.</summary>
internal static class ManagedReader
{
    private const string StageEntryPrefix = "stageEntryDate:";
    private const string MilestonePrefix = "milestone:";

    /// <summary>
    /// Every mapped managed field's current value as canonical text (see <see cref="AccountRecord.ManagedText"/>),
    /// taken from the already-read <paramref name="managed"/> values where it can be, so no problem is reported twice.
    /// </summary>
    public static Dictionary<string, string?> Texts(RawFields f, FieldMappingOptions mapping, ManagedValues managed)
    {
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in mapping.Account.Keys.Where(ManagedField.IsManaged))
        {
            texts[key] = ManagedField.KindOf(key) switch
            {
                ManagedFieldKind.StagePicklist => managed.Stage,
                ManagedFieldKind.StatePicklist => StateOf(key, managed)?.Value.ToString(),
                ManagedFieldKind.Date => Iso(DateOf(key, managed)),
                ManagedFieldKind.Boolean => managed.MilestoneStalled is { } b ? (b ? "true" : "false") : null,
                ManagedFieldKind.Number => f.Decimal(key)?.ToString("0.##########", CultureInfo.InvariantCulture),
                _ => f.Text(key),
            };
        }

        return texts;
    }

    private static StateReading? StateOf(string key, ManagedValues managed) =>
        CsStates.TryParseKey(key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..], out var state) ? managed.States.Get(state) : null;

    private static DateOnly? DateOf(string key, ManagedValues managed)
    {
        var name = key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return key switch
        {
            ManagedField.MilestoneStalledSince => managed.MilestoneStalledSince,
            _ when key.StartsWith(StageEntryPrefix, StringComparison.Ordinal) => managed.StageEntryDates.TryGetValue(name, out var d) ? d : null,
            _ when key.StartsWith(MilestonePrefix, StringComparison.Ordinal) => managed.Milestones.TryGetValue(name, out var d) ? d : null,
            _ => StateOf(key, managed)?.VerifiedOn,
        };
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
