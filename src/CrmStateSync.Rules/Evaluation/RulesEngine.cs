using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Milestones;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Signals;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Rules.States;

namespace CrmStateSync.Rules.Evaluation;

/// <summary>
/// The rules as one pure function: (snapshot with its previous managed values, as-of date, compiled rules) →
/// stage, states, milestones, divergence, transitions and interventions, each with a reason. Thread-safe.
/// </summary>
public sealed class RulesEngine(CompiledRules rules)
{
    /// <summary>The engine over the default rules of rules.md.</summary>
    public static RulesEngine Default { get; } = new(CompiledRules.Default);

    public CompiledRules Rules { get; } = rules;

    public EvaluationResult Evaluate(AccountSnapshot snapshot, DateOnly asOf, EvaluationMode mode = EvaluationMode.Live)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var model = Rules.StageModel;
        var thresholds = Rules.ThresholdsFor(snapshot.Segment);
        var life = CustomerStart.Resolve(snapshot, model, asOf);
        var full = SignalsBuilder.Build(snapshot, asOf, thresholds, life, DateOnly.MinValue);
        var states = StatesEvaluator.Evaluate(snapshot, full);
        full.SetStates(states);
        var progression = full;
        if (CustomerStart.FactsPredate(snapshot, life.Start))
        {
            // Trial usage before the sale, or facts from before a reactivation, do not count for progression.
            progression = SignalsBuilder.Build(snapshot, asOf, thresholds, life, life.Start!.Value);
            progression.SetStates(states);
        }

        var stage = StageEvaluator.Evaluate(new StageInputs(snapshot, model, full, progression, mode));
        var customerEntry = stage.EntryDates.TryGetValue(model.CustomerStage.Name, out var entered) ? entered : (DateOnly?)null;
        var churnedOn = model.Terminal is { } terminal && stage.Stage == terminal.Name ? stage.EnteredOn : null;
        var list = Rules.MilestonesFor(snapshot.Segment);
        var milestones = MilestoneEvaluator.Evaluate(list, snapshot.Managed, full, customerEntry, churnedOn);
        var divergence = Divergence.Compute(Rules, stage.Stage, states, full);
        var interventions = Interventions.Collect(snapshot, states, milestones, thresholds, asOf);
        return new EvaluationResult(snapshot.Id, asOf, stage, states, milestones, divergence, interventions);
    }
}
