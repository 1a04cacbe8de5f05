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
        if (OpportunitySignals.ReactivatingCloseDate(x.Snapshot.Opportunities, churnedOn, x.AsOf) is not { } reactivatedOn)
        {
            return false;
        }

        // Every stamp but the customer stage's is cleared on the record (the history keeps them).
        var customer = x.Model.CustomerStage;
        work.ClearStamps();
        var reason = $"{customer.Name} since {reactivatedOn.Iso()}: reactivated by an opportunity won {reactivatedOn.Iso()} after {terminal.Name} on {churnedOn.Iso()}";
        work.MoveAutomated(customer, reactivatedOn, reason);
        ProgressionWalker.Walk(x, work);
        RiskStep.TryEnter(x, work);
        return true;
    }
}
