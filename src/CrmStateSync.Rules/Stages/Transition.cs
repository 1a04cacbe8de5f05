using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Stages;

/// <summary>A stage change: from (null = no stage), to (null = cleared), its entry date, who made it and why.</summary>
public sealed record Transition(string? From, string? To, DateOnly On, StageSource Source, string Reason);
