using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Evaluation;

/// <summary>An intervention raised on entering a value (edge-triggered, rules.md §7): a task for the account owner.</summary>
public sealed record Intervention(InterventionKind Kind, string AccountId, DateOnly Due, string Reason);
