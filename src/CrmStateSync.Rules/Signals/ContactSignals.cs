using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Signals;

/// <summary>Active contacts, their functions and the exec sponsor's engagement.</summary>
internal static class ContactSignals
{
    public static void Fill(Signals s, IReadOnlyList<Contact> contacts, DateOnly asOf)
    {
        var window = s.T.ActivityWindowDays;
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            if (IsDeparted(c, asOf))
            {
                continue;
            }

            s.ContactCount++;
            if (c.Role == ContactRole.ExecSponsor && Dates.Known(c.LastEngagedOn, asOf) is { } engaged)
            {
                var ago = Dates.DaysBetween(engaged, asOf);
                s.ExecSponsorEngagedDaysAgo = s.ExecSponsorEngagedDaysAgo is { } best ? Math.Min(best, ago) : ago;
            }

            if (!IsActive(c, asOf, window))
            {
                continue;
            }

            s.ActiveContacts30d++;
            if (!string.IsNullOrWhiteSpace(c.Function) && IsFirstActiveWithFunction(contacts, i, asOf, window))
            {
                s.ActiveFunctions30d++;
            }
        }
    }

    public static bool IsDeparted(Contact c, DateOnly asOf) => c.DepartedOn <= asOf;

    private static bool IsActive(Contact c, DateOnly asOf, int window) => Dates.InLast(c.LastActiveOn, asOf, window);

    /// <summary>Distinct functions without allocating a set: count a function at its first active contact.</summary>
    private static bool IsFirstActiveWithFunction(IReadOnlyList<Contact> contacts, int index, DateOnly asOf, int window)
    {
        var function = contacts[index].Function;
        for (var j = 0; j < index; j++)
        {
            var other = contacts[j];
            if (!IsDeparted(other, asOf) && IsActive(other, asOf, window)
                && string.Equals(other.Function, function, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
