using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.Invariants;

/// <summary>Properties that hold for every generated account history, replayed day by day.</summary>
public class RulesInvariantTests
{
    private const int Accounts = 60;
    private const int Days = 365;
    private static readonly CompiledRules Rules = CompiledRules.Default;
    private static readonly RulesEngine Engine = RulesEngine.Default;

    private static IEnumerable<int> Seeds() => Enumerable.Range(1, Accounts);

    [TestCaseSource(nameof(Seeds))]
    public void Replay_AutomatedTransitions_NeverGoBackwardInTheProgression(int seed)
    {
        var snapshot = AccountHistoryGenerator.Generate(seed);
        var progression = Rules.StageModel.Progression.Select(s => s.Name).ToList();
        var terminal = Rules.StageModel.Terminal!.Name;
        var position = -1; // the progression stage last held; At-Risk and its recovery must not lower it
        for (var day = 0; day < Days; day++)
        {
            var result = Engine.Evaluate(snapshot, AccountHistoryGenerator.Start.AddDays(day));
            foreach (var t in result.Stage.Transitions)
            {
                var to = progression.IndexOf(t.To ?? "");
                var reactivation = t.From == terminal;
                if (t.Source == StageSource.Automated && to >= 0 && !reactivation)
                {
                    Assert.That(to, Is.GreaterThanOrEqualTo(position), $"seed {seed} day {day}: automated {t.From} → {t.To} below {position}");
                }

                position = to >= 0 ? to : position;
            }

            snapshot = result.Apply(snapshot);
        }
    }

    [TestCaseSource(nameof(Seeds))]
    public void Evaluate_WithPreviousOutputAsPreviousValues_ChangesNothing(int seed)
    {
        var snapshot = AccountHistoryGenerator.Generate(seed);
        for (var day = 0; day < Days; day += 3)
        {
            var asOf = AccountHistoryGenerator.Start.AddDays(day);
            var first = Engine.Evaluate(snapshot, asOf);
            var applied = first.Apply(snapshot);
            var second = Engine.Evaluate(applied, asOf);
            Assert.Multiple(() =>
            {
                Assert.That(Describe(second), Is.EqualTo(Describe(first)), $"seed {seed} day {day}");
                Assert.That(second.Stage.Transitions, Is.Empty, $"seed {seed} day {day}: transitions on re-evaluation");
                Assert.That(second.Interventions, Is.Empty, $"seed {seed} day {day}: interventions on re-evaluation");
                Assert.That(second.Stage.LastWritten, Is.EqualTo(first.Stage.LastWritten), $"seed {seed} day {day}");
            });
            snapshot = applied;
        }
    }

    [TestCaseSource(nameof(Seeds))]
    public void Evaluate_SameInputsTwice_GivesTheSameOutputs(int seed)
    {
        var snapshot = AccountHistoryGenerator.Generate(seed);
        for (var day = 0; day < Days; day += 30)
        {
            var asOf = AccountHistoryGenerator.Start.AddDays(day);
            var a = Engine.Evaluate(snapshot, asOf);
            var b = Engine.Evaluate(snapshot, asOf);
            Assert.That(Describe(b) + Reasons(b), Is.EqualTo(Describe(a) + Reasons(a)), $"seed {seed} day {day}");
            snapshot = a.Apply(snapshot);
        }
    }

    /// <summary>Every managed value the worker would write, as text.</summary>
    private static string Describe(EvaluationResult r)
    {
        var m = r.ToManaged();
        var dates = string.Join(",", m.StageEntryDates.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));
        var states = string.Join(",", r.States.Select(s => $"{s.State}={s.Value}@{s.VerifiedOn}"));
        var milestones = string.Join(",", m.Milestones.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));
        return $"{m.Stage}|{dates}|{states}|{milestones}|{m.MilestoneStalled}@{m.MilestoneStalledSince}|{r.Divergence.Text}";
    }

    private static string Reasons(EvaluationResult r) =>
        r.Stage.Reason + string.Join("|", r.States.Select(s => s.Reason.ToString())) + r.Milestones.Reason + r.Divergence.Reason
        + string.Join("|", r.Stage.Transitions) + string.Join("|", r.Interventions);
}
