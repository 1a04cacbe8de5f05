using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Signals;

/// <summary>A churn as the facts of one day read it (rules.md §8 (a)/(b)): its date and the facts behind it.</summary>
/// <param name="On">The churn date: the earlier of (a) and (b).</param>
/// <param name="EndedOn">(a) every contract ended, the last on this date …</param>
/// <param name="EndedDeal">… this deal's.</param>
/// <param name="LostOn">(b) the latest closed renewal was lost on this date with nothing won after it …</param>
/// <param name="LostDeal">… this renewal.</param>
internal readonly record struct ChurnReading(DateOnly On, DateOnly? EndedOn = null, string? EndedDeal = null, DateOnly? LostOn = null, string? LostDeal = null)
{
    /// <summary>"contracts ended", "renewal X was lost", or — for a churn no fact shows — "the stage was set to Churned".</summary>
    public string Cause => LostOn == On && LostDeal is { } lost ? $"renewal {lost} was lost" : EndedOn == On ? "contracts ended" : "the stage was set to Churned";
}

/// <summary>The account's lives read from its dated facts alone.</summary>
/// <param name="LifeDeal">The won NewBusiness/Renewal that started the current life.</param>
/// <param name="Before">The churn the current life reactivated from, if it is a reactivation.</param>
/// <param name="Now">The churn the account is in at as-of, if any.</param>
internal readonly record struct ChurnHistory(Opportunity? LifeDeal, ChurnReading? Before, ChurnReading? Now);

/// <summary>
/// Reads churn and reactivation as a day-by-day replay would have (rules.md §8 "Go-live equals replay"): churn status
/// only changes on a close date, the day after one, or the day after a contract end, so only those days are read. A
/// churned account stays churned until a won NewBusiness/Renewal closes after the churn date — an Expansion won after a
/// lost renewal prevents (b) on that day's facts, but does not undo a churn a replay already recorded.
/// </summary>
internal static class ChurnHistoryReader
{
    public static ChurnHistory Read(IReadOnlyList<Opportunity> opportunities, Opportunity? first, DateOnly asOf)
    {
        if (first is not { CloseDate: { } firstClose } || IsMonotone(opportunities, asOf))
        {
            return new ChurnHistory(first, null, At(opportunities, asOf));
        }

        var (life, before, now) = (first, (ChurnReading?)null, (ChurnReading?)null);
        foreach (var day in Days(opportunities, firstClose, asOf))
        {
            if (now is { } churn)
            {
                if (OpportunitySignals.ReactivatingDeal(opportunities, churn.On, day) is { } deal)
                {
                    (life, before, now) = (deal, churn, null);
                }

                continue;
            }

            now = At(opportunities, day);
        }

        return new ChurnHistory(life, before, now);
    }

    /// <summary>The churn the facts known on <paramref name="day"/> show, or null.</summary>
    public static ChurnReading? At(IReadOnlyList<Opportunity> opportunities, DateOnly day)
    {
        var s = new Signals { AsOf = day };
        OpportunitySignals.Fill(s, opportunities, day);
        return s.ChurnedOn is { } on ? new ChurnReading(on, s.SubscriptionEndedOn, s.SubscriptionEndedDeal, s.RenewalLostOn, s.RenewalLostDeal) : null;
    }

    /// <summary>One won NewBusiness/Renewal and no lost renewal: only (a) can churn, and once it holds it stays.</summary>
    private static bool IsMonotone(IReadOnlyList<Opportunity> opportunities, DateOnly asOf)
    {
        var subscriptions = 0;
        for (var io = 0; io < opportunities.Count; io++)
        {
            var o = opportunities[io];
            if (o is { IsClosed: true, CloseDate: { } closed } && closed <= asOf
                && ((o.IsWon && OpportunitySignals.CreatesSubscription(o) && ++subscriptions > 1) || (!o.IsWon && o.Type == OpportunityType.Renewal)))
            {
                return false;
            }
        }

        return true;
    }

    private static SortedSet<DateOnly> Days(IReadOnlyList<Opportunity> opportunities, DateOnly from, DateOnly asOf)
    {
        var days = new SortedSet<DateOnly> { asOf };
        foreach (var o in opportunities)
        {
            if (o is { IsClosed: true, CloseDate: { } closed })
            {
                days.Add(closed);
                days.Add(closed.AddDays(1));
            }

            if (o.IsWon && o.ContractEnd is { } end)
            {
                days.Add(end.AddDays(1));
            }
        }

        days.RemoveWhere(d => d < from || d > asOf);
        return days;
    }
}
