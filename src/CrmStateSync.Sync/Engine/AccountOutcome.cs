using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.Engine;

/// <summary>One account's evaluation in a cycle: the rules' result, the plan, the write to send (if any), and what
/// settling it records besides the write (<see cref="Records"/>).</summary>
public sealed record AccountOutcome(string AccountId, string? OwnerId, EvaluationResult Result, AccountPlan Plan, PlannedWrite? Write)
{
    /// <summary>What the settle step records for the account before its tasks and write. Default nothing.</summary>
    public OutcomeRecords Records { get; init; } = OutcomeRecords.None;
}

/// <summary>
/// What an evaluation decided to record (sync.md steps 3–4), persisted when its chunk is settled
/// (<see cref="RecordStep"/>), never by the evaluation itself.
/// </summary>
/// <param name="Transitions">For the history (the store de-duplicates a transition recorded twice).</param>
/// <param name="Conflicts">For the conflict log.</param>
/// <param name="DetectedOn">The day the conflicts were detected (the evaluation's as-of date).</param>
/// <param name="Stage">The worker's own stage, to record now: set only when no write carries it (the CRM already holds
/// every value) and it differs from the recorded one; a write carries it otherwise, recorded when the CRM confirms it.</param>
public sealed record OutcomeRecords(IReadOnlyList<Transition> Transitions, IReadOnlyList<ConflictRecord> Conflicts, DateOnly DetectedOn, LastWritten? Stage)
{
    /// <summary>Nothing to record.</summary>
    public static readonly OutcomeRecords None = new([], [], default, null);
}
