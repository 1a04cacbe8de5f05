using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Milestones;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Signals;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Rules.States;

namespace CrmStateSync.Benchmarks;

/// <summary>
/// <see cref="RulesEngine.Evaluate"/> step by step (a copy of its body, through InternalsVisibleTo), counting the bytes
/// each step allocates on the current thread. Keep in step with RulesEngine.cs; <see cref="AllocationBreakdown"/>
/// prints the engine's own total beside the sum of the steps, so a drift shows.
/// </summary>
internal sealed class EvaluationSteps
{
    public static readonly string[] Names =
    [
        "CustomerStart.Resolve          (RulesEngine.cs:26)",
        "SignalsBuilder.Build full      (RulesEngine.cs:27)",
        "StatesEvaluator.Evaluate       (RulesEngine.cs:28)",
        "SignalsBuilder.Build progress. (RulesEngine.cs:34)",
        "StageEvaluator.Evaluate+inputs (RulesEngine.cs:38)",
        "MilestoneEvaluator.Evaluate    (RulesEngine.cs:40)",
        "Divergence.Compute             (RulesEngine.cs:41)",
        "Interventions.Collect          (RulesEngine.cs:42)",
        "new EvaluationResult           (RulesEngine.cs:43)",
    ];

    private readonly CompiledRules _rules = CompiledRules.Default;

    /// <summary>Bytes per step, summed over every evaluation so far.</summary>
    public long[] Bytes { get; } = new long[Names.Length];

    /// <summary>Evaluations whose facts predate the customer start (they build the signals twice).</summary>
    public int ProgressionBuilds { get; private set; }

    public EvaluationResult Evaluate(AccountSnapshot snapshot, DateOnly asOf)
    {
        var model = _rules.StageModel;
        var thresholds = _rules.ThresholdsFor(snapshot.Segment);
        var mark = GC.GetAllocatedBytesForCurrentThread();
        var life = CustomerStart.Resolve(snapshot, model, asOf);
        mark = Step(0, mark);
        var full = SignalsBuilder.Build(snapshot, asOf, thresholds, life, DateOnly.MinValue);
        mark = Step(1, mark);
        var states = StatesEvaluator.Evaluate(snapshot, full);
        full.SetStates(states);
        mark = Step(2, mark);
        var progression = full;
        if (CustomerStart.FactsPredate(snapshot, life.Start))
        {
            ProgressionBuilds++;
            progression = SignalsBuilder.Build(snapshot, asOf, thresholds, life, life.Start!.Value);
            progression.SetStates(states);
        }

        mark = Step(3, mark);
        var stage = StageEvaluator.Evaluate(new StageInputs(snapshot, model, full, progression, EvaluationMode.Live));
        var customerEntry = stage.EntryDates.TryGetValue(model.CustomerStage.Name, out var entered) ? entered : (DateOnly?)null;
        mark = Step(4, mark);
        var churnedOn = model.Terminal is { } terminal && stage.Stage == terminal.Name ? stage.EnteredOn : null;
        var list = _rules.MilestonesFor(snapshot.Segment);
        var milestones = MilestoneEvaluator.Evaluate(list, snapshot.Managed, full, customerEntry, churnedOn);
        mark = Step(5, mark);
        var divergence = Divergence.Compute(_rules, stage.Stage, states, full);
        mark = Step(6, mark);
        var interventions = Interventions.Collect(snapshot, states, milestones, thresholds, asOf);
        mark = Step(7, mark);
        var result = new EvaluationResult(snapshot.Id, asOf, stage, states, milestones, divergence, interventions);
        Step(8, mark);
        return result;
    }

    private long Step(int index, long since)
    {
        var now = GC.GetAllocatedBytesForCurrentThread();
        Bytes[index] += now - since;
        return now;
    }
}
