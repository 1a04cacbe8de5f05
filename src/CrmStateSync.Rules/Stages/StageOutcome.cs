using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Stages;

/// <summary>The lifecycle stage an evaluation computed, with its entry dates, derived numbers and why.</summary>
public sealed class StageOutcome
{
    private readonly CompiledStage? _stage;
    private readonly Signals.Signals? _signals;
    private readonly string? _reasonOverride;

    internal StageOutcome(StageWork work, CompiledStageModel model, Signals.Signals? signals, string? reasonOverride)
    {
        _stage = work.Current;
        _signals = signals;
        _reasonOverride = reasonOverride;
        Stage = work.Current?.Name;
        EntryDates = work.Stamps;
        Transitions = work.Transitions;
        EnteredOn = work.EntryOf(work.Current);
        DaysInStage = EnteredOn is { } since ? work.AsOf.DayNumber - since.DayNumber : null;
        TimeToValueDays = TimeToValue(work, model);
        AsOf = work.AsOf;
    }

    /// <summary>The stage label, or null when the account has no stage.</summary>
    public string? Stage { get; }

    public DateOnly AsOf { get; }

    /// <summary>Entry date of the current stage.</summary>
    public DateOnly? EnteredOn { get; }

    /// <summary>Entry date per stage (the values for the CRM's date-stamp fields).</summary>
    public IReadOnlyDictionary<string, DateOnly> EntryDates { get; }

    /// <summary>as-of − entry date of the current stage.</summary>
    public int? DaysInStage { get; }

    /// <summary>Entry of the time-to-value stage (Adopting) − entry of the customer stage; null before it.</summary>
    public int? TimeToValueDays { get; }

    public IReadOnlyList<Transition> Transitions { get; }

    /// <summary>The manual move detected in this evaluation, accepted or rejected.</summary>
    public ManualMove? ManualMove { get; init; }

    /// <summary>What the worker writes to the stage field and remembers as its own last value.</summary>
    public required LastWritten LastWritten { get; init; }

    /// <summary>True when an admin override was applied: the override reason field is to be cleared.</summary>
    public bool ClearOverrideReason { get; init; }

    /// <summary>Why the stage is what it is, e.g. "Adopting since 2026-03-02: 14 value actions in the last 14 days ≥ 10".</summary>
    public string Reason => _reasonOverride ?? StageReasons.Current(_stage, EnteredOn, _signals, Transitions);

    private static int? TimeToValue(StageWork work, CompiledStageModel model)
    {
        if (model.TimeToValueFrom is null || model.TimeToValueTo is null
            || !work.Stamps.TryGetValue(model.TimeToValueFrom, out var from) || !work.Stamps.TryGetValue(model.TimeToValueTo, out var to))
        {
            return null;
        }

        return to.DayNumber - from.DayNumber;
    }
}
