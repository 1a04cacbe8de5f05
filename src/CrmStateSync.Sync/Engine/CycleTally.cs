namespace CrmStateSync.Sync.Engine;

/// <summary>
/// A cycle's counts, added up chunk by chunk, and the per-account outcomes when they are kept — so the memory a
/// cycle needs is one chunk's outcomes, not the org's.
/// </summary>
internal sealed class CycleTally(bool keepOutcomes)
{
    private readonly List<AccountOutcome> _kept = [];

    public int Evaluated { get; private set; }
    public int Conflicts { get; private set; }
    public int Transitions { get; private set; }
    public int Written { get; private set; }
    public int Rejected { get; private set; }
    public int Tasks { get; private set; }

    /// <summary>Accounts whose evaluation failed (each recorded as a problem).</summary>
    public int Problems { get; private set; }

    public IReadOnlyList<AccountOutcome> Outcomes => _kept;

    /// <summary>A graceful stop ended the cycle between two chunks: some accounts were left for the next cycle.</summary>
    public bool Stopped { get; private set; }

    public void Stop() => Stopped = true;

    public void AddEvaluated(IReadOnlyList<AccountOutcome> outcomes)
    {
        Evaluated += outcomes.Count;
        Conflicts += outcomes.Sum(o => o.Plan.Conflicts.Count);
        Transitions += outcomes.Sum(o => o.Result.Stage.Transitions.Count);
        if (keepOutcomes)
        {
            _kept.AddRange(outcomes);
        }
    }

    public void AddProblems(int problems) => Problems += problems;

    public void AddSettled(int tasks, int written, int rejected) => (Tasks, Written, Rejected) = (Tasks + tasks, Written + written, Rejected + rejected);

    public RunSummary Summary(RunSummary pulled) => pulled with
    {
        Evaluated = Evaluated,
        Conflicts = Conflicts,
        Transitions = Transitions,
        Written = Written,
        Rejected = Rejected,
        Tasks = Tasks,
        Problems = pulled.Problems + Problems,
        Outcome = Stopped ? "stopped" : Rejected > 0 || pulled.Problems + Problems > 0 ? "partial" : "ok",
    };
}
