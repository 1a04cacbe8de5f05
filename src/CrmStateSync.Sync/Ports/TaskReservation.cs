using CrmStateSync.Rules.Model;

namespace CrmStateSync.Sync.Ports;

/// <summary>
/// An intervention task as the store reserves it before the CRM creates it: everything the task says, so that a
/// restart can still create it when the process died before the CRM confirmed (interventions are raised only once).
/// </summary>
/// <param name="AccountId">The account (the task's <c>WhatId</c> / associated company).</param>
/// <param name="Kind">The intervention; one open task per account and kind.</param>
/// <param name="OwnerId">The account owner, who gets the task; null when unknown.</param>
/// <param name="Reason">Why the rules raised it (the task's description).</param>
/// <param name="Due">When it is due.</param>
public sealed record TaskReservation(string AccountId, InterventionKind Kind, string? OwnerId, string Reason, DateOnly Due)
{
    /// <summary>
    /// A create of this task was sent and no answer said what became of it (a lost answer, or a process that died while
    /// it was out): it must be looked up by its marker before it is sent again. Default false (never sent, or refused).
    /// </summary>
    public bool MaybeCreated { get; init; }
}
