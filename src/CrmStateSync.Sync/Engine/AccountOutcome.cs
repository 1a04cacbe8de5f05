using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.Engine;

/// <summary>One account's evaluation in a cycle: the rules' result, the plan, and the write to send (if any).</summary>
public sealed record AccountOutcome(string AccountId, string? OwnerId, EvaluationResult Result, AccountPlan Plan, PlannedWrite? Write);
