using System.Globalization;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Store.Internal;

/// <summary>
/// Once the CRM confirms a write, it holds the written values: the cached copy of the CRM's managed values is brought
/// up to date at once instead of waiting for the echo to be pulled. Otherwise a late echo (HubSpot's search index lags
/// a little; a clock runs behind) leaves the cache showing the old values, which the next cycle would read as a human
/// edit and a manual stage move. Pure: the texts are the canonical texts the write was journaled with.
/// </summary>
internal static class CachedCrmPatch
{
    public static ManagedValues Apply(ManagedValues current, IReadOnlyDictionary<string, string?> written)
    {
        var entryDates = Sorted(current.StageEntryDates);
        var milestones = Sorted(current.Milestones);
        var patched = current;
        // Verified-on dates after the values: a reading must exist before its date can be set.
        foreach (var (key, text) in written.OrderBy(w => w.Key.StartsWith("stateVerified:", StringComparison.Ordinal) ? 1 : 0))
        {
            var name = key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];
            patched = key switch
            {
                ManagedField.Stage => patched with { Stage = text },
                ManagedField.MilestoneStalled => patched with { MilestoneStalled = text is null ? null : text == "true" },
                ManagedField.MilestoneStalledSince => patched with { MilestoneStalledSince = Date(text) },
                _ when key.StartsWith("state:", StringComparison.Ordinal) => patched with { States = WithValue(patched.States, name, text) },
                _ when key.StartsWith("stateVerified:", StringComparison.Ordinal) => patched with { States = WithVerified(patched.States, name, text) },
                _ when key.StartsWith("stageEntryDate:", StringComparison.Ordinal) => Set(entryDates, name, text, patched),
                _ when key.StartsWith("milestone:", StringComparison.Ordinal) => Set(milestones, name, text, patched),
                _ => patched,
            };
        }

        return patched with { StageEntryDates = entryDates, Milestones = milestones };
    }

    /// <summary>The CRM's managed texts with the written ones in place (keys keep their order).</summary>
    public static Dictionary<string, string?> ApplyText(IReadOnlyDictionary<string, string?> current, IReadOnlyDictionary<string, string?> written)
    {
        var patched = new Dictionary<string, string?>(current, StringComparer.Ordinal);
        foreach (var (key, text) in written)
        {
            patched[key] = text;
        }

        return patched;
    }

    /// <summary>Dates keyed by name in key order, so the same values always serialise to the same text.</summary>
    public static SortedDictionary<string, DateOnly> Sorted(IReadOnlyDictionary<string, DateOnly> dates) => new(dates.ToDictionary(), StringComparer.Ordinal);

    private static ManagedValues Set(SortedDictionary<string, DateOnly> dates, string name, string? text, ManagedValues patched)
    {
        if (Date(text) is { } date)
        {
            dates[name] = date;
        }
        else
        {
            dates.Remove(name);
        }

        return patched;
    }

    private static StateSet WithValue(StateSet states, string key, string? text)
    {
        if (!CsStates.TryParseKey(key, out var state))
        {
            return states;
        }

        return Enum.TryParse<StateValue>(text, out var value) ? states.With(state, new StateReading(value, states.Get(state)?.VerifiedOn)) : states.With(state, null);
    }

    private static StateSet WithVerified(StateSet states, string key, string? text) =>
        CsStates.TryParseKey(key, out var state) && states.Get(state) is { } reading ? states.With(state, reading with { VerifiedOn = Date(text) }) : states;

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
