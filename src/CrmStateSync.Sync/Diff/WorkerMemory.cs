using System.Globalization;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Sync.Diff;

/// <summary>
/// The rules remember stage entry dates and milestone completions through the account's managed values. Where a human
/// edited one of them (the CRM value differs from what the worker last wrote), the rules must read the worker's value,
/// not the edit: otherwise the edit becomes the computed value and is never seen as a conflict (sync.md step 4).
/// </summary>
public static class WorkerMemory
{
    public static AccountSnapshot Restore(AccountSnapshot snapshot, IReadOnlyDictionary<string, string?> crm, IReadOnlyDictionary<string, string?> lastWritten)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(lastWritten);
        Dictionary<string, DateOnly>? entryDates = null, milestones = null;
        foreach (var (key, written) in lastWritten)
        {
            if (!crm.TryGetValue(key, out var current) || current == written)
            {
                continue;
            }

            if (key.StartsWith("stageEntryDate:", StringComparison.Ordinal))
            {
                Put(entryDates ??= new(snapshot.Managed.StageEntryDates, StringComparer.Ordinal), key["stageEntryDate:".Length..], written);
            }
            else if (key.StartsWith("milestone:", StringComparison.Ordinal) && ManagedField.KindOf(key) == ManagedFieldKind.Date)
            {
                Put(milestones ??= new(snapshot.Managed.Milestones, StringComparer.Ordinal), key["milestone:".Length..], written);
            }
        }

        return entryDates is null && milestones is null ? snapshot : snapshot with
        {
            Managed = snapshot.Managed with
            {
                StageEntryDates = entryDates ?? snapshot.Managed.StageEntryDates,
                Milestones = milestones ?? snapshot.Managed.Milestones,
            },
        };
    }

    private static void Put(Dictionary<string, DateOnly> dates, string name, string? written)
    {
        if (DateOnly.TryParseExact(written, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            dates[name] = date;
        }
        else
        {
            dates.Remove(name);
        }
    }
}
