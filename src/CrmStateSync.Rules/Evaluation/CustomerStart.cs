using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Signals;

namespace CrmStateSync.Rules.Evaluation;

/// <summary>
/// The current customer start, needed before the stage is computed (Outcome Attribution counts days as a customer,
/// and progression facts are filtered from it): the reactivating close date when a churned account is won back,
/// else the recorded customer-stage entry, else the first won close date.
/// </summary>
internal static class CustomerStart
{
    public static DateOnly? Resolve(AccountSnapshot snapshot, CompiledStageModel model, DateOnly asOf)
    {
        var firstWon = FirstWon(snapshot.Opportunities, asOf);
        if (snapshot.LastWritten is not { } lastWritten)
        {
            return LatestReactivation(snapshot.Opportunities, firstWon, asOf) ?? firstWon;
        }

        var stamps = snapshot.Managed.StageEntryDates;
        if (model.Terminal is { } terminal && lastWritten.Stage == terminal.Name && stamps.TryGetValue(terminal.Name, out var churnedOn)
            && OpportunitySignals.ReactivatingCloseDate(snapshot.Opportunities, churnedOn, asOf) is { } reactivatedOn)
        {
            return reactivatedOn;
        }

        return stamps.TryGetValue(model.CustomerStage.Name, out var entered) && entered <= asOf ? entered : firstWon;
    }

    /// <summary>True when some progression fact predates the customer start, so the progression needs its own signals.</summary>
    public static bool FactsPredate(AccountSnapshot snapshot, DateOnly? customerSince)
    {
        if (customerSince is not { } since)
        {
            return false;
        }

        if (snapshot.KickoffOn < since || snapshot.OnboardingCompleteOn < since)
        {
            return true;
        }

        for (var irow = 0; irow < snapshot.Usage.Count; irow++)
        {
            var row = snapshot.Usage[irow];
            if (row.Date < since)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// At go-live there is no recorded churn, so read it from the opportunities: the latest won NewBusiness or Renewal
    /// that closed while the account was churned (rules.md §8 (a) or (b) held the day before) is the customer start.
    /// </summary>
    private static DateOnly? LatestReactivation(IReadOnlyList<Opportunity> opportunities, DateOnly? firstWon, DateOnly asOf)
    {
        DateOnly? latest = null;
        for (var io = 0; io < opportunities.Count; io++)
        {
            var o = opportunities[io];
            // The first win cannot be a reactivation; checking only later wins keeps the usual account allocation-free.
            if (o is { IsClosed: true, IsWon: true, CloseDate: { } closed } && closed <= asOf && closed > firstWon
                && o.Type is null or OpportunityType.NewBusiness or OpportunityType.Renewal
                && !(latest >= closed) && WasChurnedBefore(opportunities, closed))
            {
                latest = closed;
            }
        }

        return latest;
    }

    private static bool WasChurnedBefore(IReadOnlyList<Opportunity> opportunities, DateOnly closed)
    {
        var dayBefore = new Signals.Signals { AsOf = closed.AddDays(-1) };
        OpportunitySignals.Fill(dayBefore, opportunities, dayBefore.AsOf);
        return dayBefore.ChurnedOn is not null;
    }

    private static DateOnly? FirstWon(IReadOnlyList<Opportunity> opportunities, DateOnly asOf)
    {
        DateOnly? first = null;
        for (var io = 0; io < opportunities.Count; io++)
        {
            var o = opportunities[io];
            if (o is { IsClosed: true, IsWon: true, CloseDate: { } d } && d <= asOf)
            {
                first = Dates.Earliest(first, d);
            }
        }

        return first;
    }
}
