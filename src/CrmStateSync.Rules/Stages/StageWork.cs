using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Stages;

/// <summary>The mutable working state of one stage evaluation: current stage, stamps and the transitions made.</summary>
internal sealed class StageWork
{
    private readonly StageSource _automatedSource;
    private List<Transition>? _transitions;

    public StageWork(DateOnly asOf, EvaluationMode mode, Dictionary<string, DateOnly> stamps)
    {
        AsOf = asOf;
        Stamps = stamps;
        _automatedSource = mode == EvaluationMode.Backfill ? StageSource.Backfill : StageSource.Automated;
    }

    public DateOnly AsOf { get; }
    public Dictionary<string, DateOnly> Stamps { get; private set; }
    public CompiledStage? Current { get; set; }
    public StageSource Source { get; set; }
    public DateOnly? SetOn { get; set; }

    /// <summary>True once this evaluation moved the stage.</summary>
    public bool Moved => _transitions is { Count: > 0 };

    public IReadOnlyList<Transition> Transitions => _transitions ?? (IReadOnlyList<Transition>)[];

    public Transition? LastTransition => _transitions is { Count: > 0 } t ? t[^1] : null;

    public DateOnly? EntryOf(CompiledStage? stage) => stage is not null && Stamps.TryGetValue(stage.Name, out var d) ? d : null;

    /// <summary>An automated (or, in a replay, backfill) move.</summary>
    public void MoveAutomated(CompiledStage to, DateOnly on, string reason) => Move(to, on, _automatedSource, reason);

    public void Move(CompiledStage? to, DateOnly on, StageSource source, string reason)
    {
        Record(new Transition(Current?.Name, to?.Name, on, source, reason));
        if (to is not null)
        {
            Stamps[to.Name] = on;
        }

        Current = to;
        Source = source;
        SetOn = on;
    }

    public void Record(Transition transition) => (_transitions ??= []).Add(transition);

    /// <summary>Clears every stamp but the one kept (reactivation), or all (a fresh derivation).</summary>
    public void ClearStamps(string? keep = null)
    {
        var kept = keep is not null && Stamps.TryGetValue(keep, out var date) ? date : (DateOnly?)null;
        Stamps = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        if (kept is { } k)
        {
            Stamps[keep!] = k;
        }
    }
}
