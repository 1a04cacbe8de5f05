using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Signals;

/// <summary>Subscription, churn and renewal signals from the opportunities (rules.md §8 "Stage").</summary>
internal static class OpportunitySignals
{
    public static void Fill(Signals s, IReadOnlyList<Opportunity> opportunities, DateOnly asOf)
    {
        DateOnly? latestEnd = null;
        string? latestEndDeal = null;
        bool anySubscription = false, allEnded = true;
        Opportunity? latestClosedRenewal = null;
        for (var io = 0; io < opportunities.Count; io++)
        {
            var o = opportunities[io];
            if (IsOpen(o, asOf))
            {
                s.HasOpenOpportunity = true;
                s.HasOpenExpansion |= o.Type == OpportunityType.Expansion;
                if (o.Type == OpportunityType.Renewal && o.CloseDate >= asOf)
                {
                    s.RenewalOn = Dates.Earliest(s.RenewalOn, o.CloseDate);
                }

                continue;
            }

            if (o.Type == OpportunityType.Renewal && (latestClosedRenewal is null || o.CloseDate > latestClosedRenewal.CloseDate))
            {
                latestClosedRenewal = o;
            }

            if (!o.IsWon)
            {
                continue;
            }

            s.HasClosedWon = true;
            s.FirstClosedWonOn = Dates.Earliest(s.FirstClosedWonOn, o.CloseDate);
            s.LatestClosedWonOn = Dates.Latest(s.LatestClosedWonOn, o.CloseDate);
            if (!CreatesSubscription(o))
            {
                continue;
            }

            anySubscription = true;
            var ended = o.ContractEnd < asOf;
            allEnded &= ended;
            if (o.ContractEnd is { } end && !(latestEnd >= end))
            {
                (latestEnd, latestEndDeal) = (end, o.Id);
            }

            if (IsActive(o, asOf))
            {
                s.ActiveSubscription = true;
                s.RenewalOn = Dates.Earliest(s.RenewalOn, o.ContractEnd);
            }
        }

        s.SubscriptionEndedOn = anySubscription && allEnded ? latestEnd : null;
        s.SubscriptionEndedDeal = s.SubscriptionEndedOn is null ? null : latestEndDeal;
        s.RenewalLostOn = LostRenewal(latestClosedRenewal, s.LatestClosedWonOn);
        s.RenewalLostDeal = s.RenewalLostOn is null ? null : latestClosedRenewal!.Id;
        s.ChurnedOn = s.HasClosedWon ? Dates.Earliest(s.SubscriptionEndedOn, s.RenewalLostOn) : null;
        s.RenewalInDays = s.RenewalOn is { } r ? Dates.DaysBetween(asOf, r) : null;
    }

    /// <summary>The earliest won NewBusiness or Renewal closed after the churn date: the reactivating deal.</summary>
    public static Opportunity? ReactivatingDeal(IReadOnlyList<Opportunity> opportunities, DateOnly churnedOn, DateOnly asOf)
    {
        Opportunity? earliest = null;
        for (var io = 0; io < opportunities.Count; io++)
        {
            var o = opportunities[io];
            if (!IsOpen(o, asOf) && o.IsWon && CreatesSubscription(o) && o.CloseDate > churnedOn && !(earliest?.CloseDate <= o.CloseDate))
            {
                earliest = o;
            }
        }

        return earliest;
    }

    /// <summary>Won and closed on or before as-of.</summary>
    public static bool IsWonBy(Opportunity o, DateOnly asOf) => o is { IsClosed: true, IsWon: true, CloseDate: { } closed } && closed <= asOf;

    /// <summary>Open as of the date: not closed, or closed after it (a fact from the future is ignored).</summary>
    private static bool IsOpen(Opportunity o, DateOnly asOf) => !o.IsClosed || o.CloseDate is null || o.CloseDate > asOf;

    /// <summary>A subscription comes from NewBusiness or Renewal; an Expansion only adds to one. No type = new business.</summary>
    public static bool CreatesSubscription(Opportunity o) => o.Type is null or OpportunityType.NewBusiness or OpportunityType.Renewal;

    private static bool IsActive(Opportunity o, DateOnly asOf) =>
        (o.ContractStart is null || o.ContractStart <= asOf) && (o.ContractEnd is null || o.ContractEnd >= asOf);

    /// <summary>(b): the latest closed renewal is lost and nothing of any type was won after it.</summary>
    private static DateOnly? LostRenewal(Opportunity? latestRenewal, DateOnly? latestWon) =>
        latestRenewal is { IsWon: false, CloseDate: { } lost } && !(latestWon > lost) ? lost : null;
}
