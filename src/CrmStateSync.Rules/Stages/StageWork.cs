using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Stages;

/// <summary>The mutable working state of one stage evaluation: current stage, stamps and the transitions made.</summary>
internal sealed class StageWork
{
    private readonly StageSource _automatedSource;
    private List<Transition>? _transitions;

    private Dictionary<string, DateOnly>? _ownStamps;

    /// <param name="asOf">The evaluation date.</param>
    /// <param name="mode">Live or backfill: automated moves in a replay are recorded as Backfill.</param>
    /// <param name="stamps">The entry dates on the record; copied only when this evaluation changes one.</param>
    public StageWork(DateOnly asOf, EvaluationMode mode, IReadOnlyDictionary<string, DateOnly> stamps)
    {
        AsOf = asOf;
        Stamps = stamps;
        _automatedSource = mode == EvaluationMode.Backfill ? StageSource.Backfill : StageSource.Automated;
    }

    public DateOnly AsOf { get; }

    /// <summary>Entry date per stage (the record's own dictionary until something changes).</summary>
    public IReadOnlyDictionary<string, DateOnly> Stamps { get; private set; }
    public CompiledStage? Current { get; set; }
    public StageSource Source { get; set; }
    public DateOnly? SetOn { get; set; }

    /// <summary>True once this evaluation moved the stage.</summary>
    public bool Moved => _transitions is { Count: > 0 };

    public IReadOnlyList<Transition> Transitions => _transitions ?? (IReadOnlyList<Transition>)[];

    public Transition? LastTransition => _transitions is { Count: > 0 } t ? t[^1] : null;

    public DateOnly? EntryOf(CompiledStage? stage) => stage is not null && Stamps.TryGetValue(stage.Name, out var d) ? d : null;

    /// <summary>An automated (or, in a replay, backfill) move because the stage's criterion held.</summary>
    public void Enter(CompiledStage to, DateOnly on, Signals.Signals signals) =>
        Move(to, on, _automatedSource, Transition.Entered(Current?.Name, to, on, _automatedSource, signals));

    /// <summary>An automated move into the risk stage because a risk signal held.</summary>
    public void EnterRisk(CompiledStage to, DateOnly on, CompiledRiskSignal risk, Signals.Signals signals) =>
        Move(to, on, _automatedSource, Transition.AtRisk(Current?.Name, to, on, _automatedSource, risk, signals));

    /// <summary>An automated move with a reason of its own (recovery, reactivation).</summary>
    public void MoveAutomated(CompiledStage to, DateOnly on, string reason) =>
        Move(to, on, _automatedSource, new Transition(Current?.Name, to.Name, on, _automatedSource, reason));

    public void Move(CompiledStage to, DateOnly on, StageSource source, string reason) =>
        Move(to, on, source, new Transition(Current?.Name, to.Name, on, source, reason));

    private void Move(CompiledStage to, DateOnly on, StageSource source, Transition transition)
    {
        Record(transition);
        Writable()[to.Name] = on;
        Current = to;
        Source = source;
        SetOn = on;
    }

    private Dictionary<string, DateOnly> Writable()
    {
        if (_ownStamps is null)
        {
            _ownStamps = new Dictionary<string, DateOnly>(Stamps, StringComparer.Ordinal);
            Stamps = _ownStamps;
        }

        return _ownStamps;
    }

    public void Record(Transition transition) => (_transitions ??= []).Add(transition);

    /// <summary>Clears every stamp but the one kept (reactivation), or all (a fresh derivation).</summary>
    public void ClearStamps(string? keep = null)
    {
        var kept = keep is not null && Stamps.TryGetValue(keep, out var date) ? date : (DateOnly?)null;
        _ownStamps = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        Stamps = _ownStamps;
        if (kept is { } k)
        {
            _ownStamps[keep!] = k;
        }
    }
}
