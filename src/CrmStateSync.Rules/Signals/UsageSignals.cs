using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Signals;

/// <summary>Usage windows in one pass over the rows (rules.md: "last 14 days" is [asOf-13, asOf]).</summary>
internal static class UsageSignals
{
    public static void Fill(Signals s, IReadOnlyList<UsageRow> usage, DateOnly asOf, DateOnly factsFrom)
    {
        var vaWindow = s.T.ValueActionWindowDays;
        var activityWindow = s.T.ActivityWindowDays;
        for (var irow = 0; irow < usage.Count; irow++)
        {
            var row = usage[irow];
            if (row.Date > asOf || row.Date < factsFrom)
            {
                continue;
            }

            var age = Dates.DaysBetween(row.Date, asOf);
            if (age < vaWindow)
            {
                s.ValueActions14d += row.ValueActions;
            }
            else if (age < 2 * vaWindow)
            {
                s.ValueActionsPrev14d += row.ValueActions;
            }

            if (age < activityWindow)
            {
                s.CoreEvents30d += row.CoreEvents;
                s.ActiveUsers30d = Math.Max(s.ActiveUsers30d, row.ActiveUsers);
            }
            else if (age < 2 * activityWindow)
            {
                s.CoreEventsPrev30d += row.CoreEvents;
            }

            s.TotalValueActions += row.ValueActions;
            s.TotalCoreEvents += row.CoreEvents;
            if (row.ActiveUsers >= 1)
            {
                s.FirstActiveOn = Dates.Earliest(s.FirstActiveOn, row.Date);
            }

            if (row.ActiveUsers >= 1 || row.ValueActions > 0 || row.CoreEvents > 0)
            {
                s.LastUsageOn = Dates.Latest(s.LastUsageOn, row.Date);
            }
        }

        s.DaysSinceLastUsage = s.LastUsageOn is { } last ? Dates.DaysBetween(last, asOf) : null;
        s.CoreEventsDropped = s.CoreEventsPrev30d >= s.T.CoreEventsDropMinPrevious && s.CoreEvents30d * 2 <= s.CoreEventsPrev30d;
        s.AttachUsage(usage, factsFrom);
    }
}
