namespace CrmStateSync.Rules.Stages;

/// <summary>The rule a manual stage move met or broke (rules.md §3 "Manual moves", §8).</summary>
public enum ManualMoveRule
{
    /// <summary>Accepted: a move forward in the progression.</summary>
    ForwardMove,

    /// <summary>Accepted: a move to At-Risk with an At-Risk reason.</summary>
    AtRiskWithReason,

    /// <summary>Accepted: At-Risk → any stage is a manual clear.</summary>
    AtRiskCleared,

    /// <summary>Accepted: an admin override reason accepts any move (and is cleared after).</summary>
    AdminOverride,

    /// <summary>Accepted: a stage set by hand on an account that had none.</summary>
    FirstStage,

    /// <summary>Rejected: stages only move forward.</summary>
    BackwardMove,

    /// <summary>Rejected: a move to At-Risk needs a non-empty At-Risk reason.</summary>
    AtRiskWithoutReason,

    /// <summary>Rejected: moves into or out of the terminal stage need an override reason.</summary>
    TerminalNeedsOverride,

    /// <summary>Rejected: clearing the stage needs an override reason.</summary>
    ClearedNeedsOverride,

    /// <summary>Rejected: the value is not a stage of the model.</summary>
    UnknownStage,
}

/// <summary>A detected manual move (the CRM value differs from what the worker last wrote) and the verdict.</summary>
/// <param name="From">What the worker last wrote.</param>
/// <param name="To">What the CRM holds now.</param>
/// <param name="Accepted">Accepted moves are stamped and pinned; rejected ones are put back and logged as conflicts.</param>
/// <param name="Rule">The rule met or broken.</param>
/// <param name="Reason">A sentence for the conflict log.</param>
public sealed record ManualMove(string? From, string? To, bool Accepted, ManualMoveRule Rule, string Reason);
