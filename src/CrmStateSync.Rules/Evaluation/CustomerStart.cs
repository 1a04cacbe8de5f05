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
/// <param name="ChurnedOn">For a reactivation: the churn date of the life before.</param>
/// <param name="ChurnCause">For a reactivation: what ended the life before ("contracts ended", "renewal X lost").</param>
internal readonly record struct CustomerLife(DateOnly? Start, string? Deal, DateOnly? ChurnedOn = null, string? ChurnCause = null);

/// <summary>Resolves the <see cref="CustomerLife"/> before the stage is computed.</summary>
internal static class CustomerStart
{
    public static CustomerLife Resolve(AccountSnapshot snapshot, CompiledStageModel model, DateOnly asOf)
    {
        var opportunities = snapshot.Opportunities;
        if (RecordedChurn(snapshot, model) is { } churnedOn && OpportunitySignals.ReactivatingDeal(opportunities, churnedOn, asOf) is { } deal)
        {
            // The worker recorded the churn (the Churned stamp); the earliest win after it reactivates (rules.md §3).
            return Reactivated(opportunities, deal, churnedOn);
        }

        var first = FirstWon(opportunities, asOf);
        var life = LatestReactivation(opportunities, first, asOf) ?? new CustomerLife(first?.CloseDate, first?.Id);
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
                return new CustomerLife(stamped, o.Id);
            }
        }

        return life;
    }

    /// <summary>
    /// At go-live there is no recorded churn, so read it from the opportunities: the latest won NewBusiness or Renewal
    /// that closed while the account was churned (rules.md §8 (a) or (b) held the day before) starts the current life.
    /// </summary>
    private static CustomerLife? LatestReactivation(IReadOnlyList<Opportunity> opportunities, Opportunity? first, DateOnly asOf)
    {
        Opportunity? latest = null;
        Signals.Signals? dayBefore = null;
        for (var io = 0; io < opportunities.Count; io++)
        {
            var o = opportunities[io];
            // The first win cannot be a reactivation; checking only later wins keeps the usual account allocation-free.
            if (OpportunitySignals.IsWonBy(o, asOf) && o.CloseDate > first?.CloseDate && OpportunitySignals.CreatesSubscription(o)
                && !(latest?.CloseDate >= o.CloseDate) && ChurnedTheDayBefore(opportunities, o.CloseDate!.Value) is { } churned)
            {
                (latest, dayBefore) = (o, churned);
            }
        }

        return latest is null ? null : Life(latest, dayBefore!);
    }

    private static CustomerLife Reactivated(IReadOnlyList<Opportunity> opportunities, Opportunity deal, DateOnly churnedOn)
    {
        var dayBefore = DayBefore(opportunities, deal.CloseDate!.Value);
        return Life(deal, dayBefore) with { ChurnedOn = churnedOn };
    }

    private static CustomerLife Life(Opportunity deal, Signals.Signals dayBefore)
    {
        var cause = dayBefore.ChurnedOn is null ? "the stage was set to Churned"
            : dayBefore.RenewalLostOn is { } lost && lost == dayBefore.ChurnedOn && dayBefore.RenewalLostDeal is { } renewal ? $"renewal {renewal} was lost"
            : "contracts ended";
        return new CustomerLife(deal.CloseDate, deal.Id, dayBefore.ChurnedOn, cause);
    }

    private static Signals.Signals? ChurnedTheDayBefore(IReadOnlyList<Opportunity> opportunities, DateOnly closed)
    {
        var dayBefore = DayBefore(opportunities, closed);
        return dayBefore.ChurnedOn is null ? null : dayBefore;
    }

    private static Signals.Signals DayBefore(IReadOnlyList<Opportunity> opportunities, DateOnly closed)
    {
        var dayBefore = new Signals.Signals { AsOf = closed.AddDays(-1) };
        OpportunitySignals.Fill(dayBefore, opportunities, dayBefore.AsOf);
        return dayBefore;
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
