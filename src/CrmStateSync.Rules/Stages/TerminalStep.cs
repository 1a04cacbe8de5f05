using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Signals;

namespace CrmStateSync.Rules.Stages;

/// <summary>Churn (terminal, overrides pins and ends a manual At-Risk) and reactivation by a new won opportunity.</summary>
internal static class TerminalStep
{
    /// <summary>True when the terminal stage decided the evaluation (the account is or became churned).</summary>
    public static bool Apply(StageInputs x, StageWork work)
    {
        if (x.Model.Terminal is not { } terminal)
        {
            return false;
        }

        if (work.Current == terminal)
        {
            return !TryReactivate(x, work, terminal);
        }

        if (terminal.Criterion is null || !terminal.Criterion(x.Full))
        {
            return false;
        }

        var on = terminal.EntryDate?.Invoke(x.Full) is { } d && d <= x.AsOf ? d : x.AsOf;
        work.Enter(terminal, on, x.Full);
        return true;
    }

    private static bool TryReactivate(StageInputs x, StageWork work, CompiledStage terminal)
    {
        var churnedOn = work.EntryOf(terminal) ?? DateOnly.MinValue;
        if (OpportunitySignals.ReactivatingDeal(x.Snapshot.Opportunities, churnedOn, x.AsOf) is not { CloseDate: { } reactivatedOn } deal)
        {
            return false;
        }

        // Every stamp but the customer stage's is cleared on the record (the history keeps them).
        var customer = x.Model.CustomerStage;
        work.ClearStamps();
        // The life resolved before the stage is this reactivation, so its text names the deal and both dates.
        var why = x.Full.CustomerSince == reactivatedOn ? x.Full.CustomerStartText : $"reactivated on {reactivatedOn.Iso()} after {terminal.Name} on {churnedOn.Iso()}: deal {deal.Id} won {reactivatedOn.Iso()}";
        var reason = $"{customer.Name} since {reactivatedOn.Iso()}: {why}";
        work.MoveAutomated(customer, reactivatedOn, reason);
        ProgressionWalker.Walk(x, work);
        RiskStep.TryEnter(x, work);
        return true;
    }
}
