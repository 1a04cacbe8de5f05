using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Signals;

namespace CrmStateSync.Rules.Evaluation;

/// <summary>
/// The account's current life (rules.md §8 "Go-live equals replay"): the first won NewBusiness/Renewal close, or the
/// reactivating close after a churn. Progression facts are filtered from it and Outcome Attribution counts days as a
/// customer from it, whether or not New Customer is stamped; an At-Risk recovery's re-stamp does not move it.
/// </summary>
/// <param name="Start">The life's start date; null when nothing was won.</param>
/// <param name="Deal">The id of the opportunity that started it.</param>
/// <param name="Before">For a reactivation: the churn that ended the life before.</param>
/// <param name="Now">Read from the dated facts: the churn the account is in at as-of (null when it is not churned, or
/// when <paramref name="FromHistory"/> is false and the as-of facts decide).</param>
/// <param name="FromHistory">True when churn was read from the account's history rather than the worker's record.</param>
internal readonly record struct CustomerLife(DateOnly? Start, string? Deal, ChurnReading? Before = null, ChurnReading? Now = null, bool FromHistory = false)
{
    public DateOnly? ChurnedOn => Before?.On;
}

/// <summary>Resolves the <see cref="CustomerLife"/> before the stage is computed.</summary>
internal static class CustomerStart
{
    public static CustomerLife Resolve(AccountSnapshot snapshot, CompiledStageModel model, DateOnly asOf)
    {
        var opportunities = snapshot.Opportunities;
        if (RecordedChurn(snapshot, model) is { } churnedOn && OpportunitySignals.ReactivatingDeal(opportunities, churnedOn, asOf) is { } deal)
        {
            // The worker recorded the churn (the Churned stamp); the earliest win after it reactivates (rules.md §3).
            var cause = ChurnHistoryReader.At(opportunities, deal.CloseDate!.Value.AddDays(-1)) ?? new ChurnReading(churnedOn);
            return new CustomerLife(deal.CloseDate, deal.Id, cause with { On = churnedOn });
        }

        var history = ChurnHistoryReader.Read(opportunities, FirstWon(opportunities, asOf), asOf);
        var life = new CustomerLife(history.LifeDeal?.CloseDate, history.LifeDeal?.Id, history.Before, history.Now, FromHistory: true);
        return snapshot.LastWritten is null ? life : RecordedReactivation(snapshot, model, opportunities, life, asOf);
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
            if (snapshot.Usage[irow].Date < since)
            {
                return true;
            }
        }

        return false;
    }

    private static DateOnly? RecordedChurn(AccountSnapshot snapshot, CompiledStageModel model) =>
        snapshot.LastWritten is { } lastWritten && model.Terminal is { } terminal && lastWritten.Stage == terminal.Name
        && snapshot.Managed.StageEntryDates.TryGetValue(terminal.Name, out var churnedOn) ? churnedOn : null;

    /// <summary>
    /// A reactivation the worker recorded (New Customer stamped on the close date of a later won NewBusiness/Renewal,
    /// e.g. after a churn set by an admin override) keeps its life even when the dated facts alone show no churn.
    /// </summary>
    private static CustomerLife RecordedReactivation(AccountSnapshot snapshot, CompiledStageModel model, IReadOnlyList<Opportunity> opportunities, CustomerLife life, DateOnly asOf)
    {
        if (!snapshot.Managed.StageEntryDates.TryGetValue(model.CustomerStage.Name, out var stamped) || !(stamped > life.Start) || stamped > asOf)
        {
            return life;
        }

        for (var io = 0; io < opportunities.Count; io++)
        {
            var o = opportunities[io];
            if (OpportunitySignals.IsWonBy(o, asOf) && OpportunitySignals.CreatesSubscription(o) && o.CloseDate == stamped)
            {
                return life with { Start = stamped, Deal = o.Id, Before = null };
            }
        }

        return life;
    }

    /// <summary>The first won NewBusiness/Renewal (any won deal when there is none of those).</summary>
    private static Opportunity? FirstWon(IReadOnlyList<Opportunity> opportunities, DateOnly asOf)
    {
        Opportunity? first = null, firstAny = null;
        for (var io = 0; io < opportunities.Count; io++)
        {
            var o = opportunities[io];
            if (!OpportunitySignals.IsWonBy(o, asOf))
            {
                continue;
            }

            firstAny = !(firstAny?.CloseDate <= o.CloseDate) ? o : firstAny;
            first = OpportunitySignals.CreatesSubscription(o) && !(first?.CloseDate <= o.CloseDate) ? o : first;
        }

        return first ?? firstAny;
    }
}
