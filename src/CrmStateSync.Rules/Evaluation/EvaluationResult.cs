using CrmStateSync.Rules.Milestones;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Rules.States;

namespace CrmStateSync.Rules.Evaluation;

/// <summary>Everything one evaluation computed for one account, each value with its reason.</summary>
public sealed class EvaluationResult
{
    internal EvaluationResult(string accountId, DateOnly asOf, StageOutcome stage, StateOutcome[] states, MilestoneOutcome milestones, Divergence divergence, IReadOnlyList<Intervention> interventions)
    {
        AccountId = accountId;
        AsOf = asOf;
        Stage = stage;
        States = states;
        Milestones = milestones;
        Divergence = divergence;
        Interventions = interventions;
    }

    public string AccountId { get; }
    public DateOnly AsOf { get; }
    public StageOutcome Stage { get; }

    /// <summary>The six states in table order (index = <see cref="CsState"/>).</summary>
    public IReadOnlyList<StateOutcome> States { get; }

    public MilestoneOutcome Milestones { get; }
    public Divergence Divergence { get; }
    public IReadOnlyList<Intervention> Interventions { get; }

    /// <summary>The managed values as the worker would write them (the next evaluation's previous values).</summary>
    public ManagedValues ToManaged()
    {
        var states = StateSet.Empty;
        foreach (var s in States)
        {
            states = states.With(s.State, s.Reading);
        }

        return new ManagedValues
        {
            Stage = Stage.Stage,
            StageEntryDates = Stage.EntryDates,
            States = states,
            Milestones = Milestones.CompletedOn,
            MilestoneStalled = Milestones.Stalled,
            MilestoneStalledSince = Milestones.StalledSince,
        };
    }

    /// <summary>The snapshot as the next evaluation would see it after this result was written and nothing else changed.</summary>
    public AccountSnapshot Apply(AccountSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot with
        {
            Managed = ToManaged(),
            LastWritten = Stage.LastWritten,
            OverrideReason = Stage.ClearOverrideReason ? null : snapshot.OverrideReason,
        };
    }
}
