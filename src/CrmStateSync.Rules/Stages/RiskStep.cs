using CrmStateSync.Rules.Configuration;

namespace CrmStateSync.Rules.Stages;

/// <summary>At-Risk: entered when any risk signal holds; an automated At-Risk recovers after the recovery window.</summary>
internal static class RiskStep
{
    public static void TryEnter(StageInputs x, StageWork work)
    {
        if (x.Model.Risk is not { } risk || Holding(risk, x.Full) is not { } signal)
        {
            return;
        }

        work.EnterRisk(risk, x.AsOf, signal, x.Full);
    }

    /// <summary>No risk signal today and the window has passed since entry: back to the stage held before, then walk on.</summary>
    public static void TryRecover(StageInputs x, StageWork work)
    {
        var risk = work.Current!;
        var enteredOn = work.EntryOf(risk) ?? x.AsOf;
        if (Holding(risk, x.Full) is not null || x.AsOf.DayNumber - enteredOn.DayNumber < x.T.AtRiskRecoveryDays)
        {
            return;
        }

        var heldBefore = HeldBefore(x, work);
        var reason = $"{heldBefore.Name} since {x.AsOf:yyyy-MM-dd}: recovered from {risk.Name} (entered {enteredOn:yyyy-MM-dd}); no risk signal holds";
        work.MoveAutomated(heldBefore, x.AsOf, reason);
        ProgressionWalker.Walk(x, work);
    }

    private static CompiledRiskSignal? Holding(CompiledStage risk, Signals.Signals signals)
    {
        foreach (var signal in risk.RiskSignals)
        {
            if (signal.Criterion(signals))
            {
                return signal;
            }
        }

        return null;
    }

    /// <summary>The progression stage with the latest entry date (the first progression stage when none is stamped).</summary>
    private static CompiledStage HeldBefore(StageInputs x, StageWork work)
    {
        CompiledStage? best = null;
        DateOnly bestDate = DateOnly.MinValue;
        foreach (var stage in x.Model.Progression)
        {
            if (work.EntryOf(stage) is { } d && (best is null || d >= bestDate))
            {
                best = stage;
                bestDate = d;
            }
        }

        return best ?? x.Model.Progression[0];
    }
}
