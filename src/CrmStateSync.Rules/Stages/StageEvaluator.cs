using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Stages;

/// <summary>
/// The lifecycle stage (rules.md §3, §8): manual-move validation, then churn and reactivation, then the forward-only
/// progression walk, then At-Risk entry or recovery. Pure: everything it needs is in <see cref="StageInputs"/>.
/// </summary>
internal static class StageEvaluator
{
    public static StageOutcome Evaluate(StageInputs x)
    {
        var snapshot = x.Snapshot;
        var lastWritten = snapshot.LastWritten;
        var goLive = lastWritten is null;
        var work = new StageWork(x.AsOf, x.Mode, goLive ? NoStamps : snapshot.Managed.StageEntryDates)
        {
            Current = goLive ? null : x.Model.Find(lastWritten!.Stage),
            Source = lastWritten?.StageSource ?? StageSource.Automated,
            SetOn = lastWritten?.StageSetOn,
        };

        var manual = goLive ? null : ApplyManualMove(x, work, lastWritten!);
        if (!x.Model.Eligibility(x.Full))
        {
            work.Current = null;
            return Finish(x, work, manual, goLive, "no stage: the account does not meet the eligibility rule (no won opportunity)");
        }

        if (!TerminalStep.Apply(x, work))
        {
            AutomatedSteps(x, work);
        }

        return Finish(x, work, manual, goLive, null);
    }

    private static void AutomatedSteps(StageInputs x, StageWork work)
    {
        if (work.Current is null && !ProgressionWalker.Enter(x, work, x.Model.Progression[0]))
        {
            return;
        }

        var pinned = IsPinned(x, work);
        if (work.Current?.Kind == StageKind.Risk)
        {
            if (!pinned && work.Source != StageSource.Manual)
            {
                RiskStep.TryRecover(x, work);
            }

            return;
        }

        if (!pinned)
        {
            ProgressionWalker.Walk(x, work);
            RiskStep.TryEnter(x, work);
        }
    }

    /// <summary>A manually set stage is pinned for ManualPinDays against automated moves (except into the terminal stage).</summary>
    private static bool IsPinned(StageInputs x, StageWork work) =>
        work.Source == StageSource.Manual && work.SetOn is { } setOn && x.AsOf.DayNumber - setOn.DayNumber < x.T.ManualPinDays;

    private static ManualMove? ApplyManualMove(StageInputs x, StageWork work, LastWritten lastWritten)
    {
        var crm = x.Snapshot.Managed.Stage;
        if (string.Equals(Normalize(crm), Normalize(lastWritten.Stage), StringComparison.Ordinal))
        {
            return null;
        }

        var move = ManualMoveValidator.Validate(x.Model, lastWritten.Stage, crm, x.Snapshot.AtRiskReason, x.Snapshot.OverrideReason);
        if (!move.Accepted)
        {
            return move;
        }

        var target = x.Model.Find(crm);
        if (target is null)
        {
            // An override on a cleared or unknown stage clears it; the stage is derived afresh (old stamps go to history).
            work.Record(new Transition(lastWritten.Stage, null, x.AsOf, StageSource.Manual, move.Reason));
            work.Current = null;
            work.ClearStamps();
            return move;
        }

        var on = x.Snapshot.Managed.StageChangedOn is { } changed && changed <= x.AsOf ? changed : x.AsOf;
        work.Move(target, on, StageSource.Manual, StageReasons.Manual(target, on, move, x.Snapshot.AtRiskReason, x.Snapshot.OverrideReason));
        return move;
    }

    private static StageOutcome Finish(StageInputs x, StageWork work, ManualMove? manual, bool goLive, string? reasonOverride)
    {
        var crm = Normalize(x.Snapshot.Managed.Stage);
        var signals = work.Current?.Kind == StageKind.Risk ? x.Full : x.Progression;
        if (goLive && crm is not null && crm != work.Current?.Name)
        {
            // The history keeps the replaced value; the stage value keeps the reason it was entered with (rules.md §3).
            reasonOverride ??= StageReasons.Current(work.Current, work.EntryOf(work.Current), signals, work.Transitions);
            work.Record(new Transition(crm, work.Current?.Name, x.AsOf, StageSource.Backfill, "replaced at go-live"));
        }

        reasonOverride ??= ManualHeldReason(x, work, goLive);
        var previous = x.Snapshot.LastWritten;
        var lastWritten = !goLive && !work.Moved
            ? previous!
            : new LastWritten { Stage = work.Current?.Name, StageSource = work.Moved ? work.Source : StageSource.Automated, StageSetOn = work.SetOn ?? work.EntryOf(work.Current) };
        return new StageOutcome(work, x.Model, signals, reasonOverride)
        {
            ManualMove = manual,
            LastWritten = lastWritten,
            ClearOverrideReason = manual is { Accepted: true, Rule: ManualMoveRule.AdminOverride },
        };
    }

    /// <summary>A stage a CSM set and nothing has moved since: its reason is the manual move, not the rules' criteria.</summary>
    private static string? ManualHeldReason(StageInputs x, StageWork work, bool goLive) =>
        !goLive && !work.Moved && work.Source == StageSource.Manual && work.Current is { } held
            ? StageReasons.ManualHeld(held, work.EntryOf(held), x.Snapshot.AtRiskReason)
            : null;

    private static readonly IReadOnlyDictionary<string, DateOnly> NoStamps = new Dictionary<string, DateOnly>();

    private static string? Normalize(string? stage) => string.IsNullOrWhiteSpace(stage) ? null : stage.Trim();
}
