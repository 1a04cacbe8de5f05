using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.States;

/// <summary>What every state rule reads: the snapshot, the full (unfiltered) signals and the previous readings.</summary>
internal readonly record struct StateInputs(AccountSnapshot Snapshot, Signals.Signals Signals, StateSet Previous)
{
    public DateOnly AsOf => Signals.AsOf;
    public Thresholds T => Signals.T;

    public DateOnly? Known(DateOnly? date) => date <= AsOf ? date : null;

    public StateOutcome Outcome(CsState state, StateValue value, DateOnly? verifiedOn, Reason reason, InterventionKind? raises = null) =>
        new(state, value, verifiedOn, reason, raises, raises is null ? null : AsOf.AddDays(T.InterventionDueDays));

    /// <summary>
    /// Grace: the signal fails but the slip has not fired, so the previous value stays. With nothing to keep the value
    /// is Hit, dated as the Hit row says (what a day-by-day replay from the evidence would have produced). A
    /// never-established reading (no verified-on: no evidence) is nothing to keep, so a replay that passed through it
    /// agrees with a first evaluation (rules.md §8 "Go-live equals replay").
    /// </summary>
    public StateOutcome Grace(CsState state, DateOnly? hitDate, Reason reason) =>
        Previous.Get(state) is { VerifiedOn: not null } kept
            ? new(state, kept.Value, kept.VerifiedOn, reason with { Kept = kept.Value })
            : new(state, StateValue.Hit, hitDate, reason with { Kept = StateValue.Hit });

    /// <summary>The as-of date on which the value was entered, kept while the value stays (rows 03 and 04).</summary>
    public DateOnly EnteredOn(CsState state, StateValue value) =>
        Previous.Get(state) is { } prev && prev.Value == value && prev.VerifiedOn is { } since ? since : AsOf;
}
