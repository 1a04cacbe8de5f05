using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Milestones;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Signals;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Rules.States;

namespace CrmStateSync.Benchmarks;

/// <summary>
/// Exact bytes of single calls inside an evaluation, on a Healthy and a Drifting account (after tier-up, so the JIT's
/// stack allocation of enumerators is in effect): the items behind the step totals of <see cref="AllocationBreakdown"/>.
/// </summary>
internal static class AllocationItems
{
    public static void Print()
    {
        var generator = new AccountGenerator();
        var asOf = AccountGenerator.AsOf;
        var rules = CompiledRules.Default;
        var t = rules.ThresholdsFor("default");
        var healthy = generator.Generate(3, AccountProfile.Healthy);
        var steady = AccountGenerator.WithPrevious(healthy);
        var since = asOf.AddDays(-300);
        var signals = Signals(healthy, t, since);
        var drifting = Signals(generator.Generate(4, AccountProfile.Drifting), t, since);
        var driftingStates = StatesEvaluator.Evaluate(generator.Generate(4, AccountProfile.Drifting), drifting);
        var states = StatesEvaluator.Evaluate(healthy, signals);

        Console.WriteLine("bytes of single calls (Healthy account unless noted):");
        Line("new Signals() incl. its Thresholds", "Signals.cs:22, SignalsBuilder.cs:16", () => new Signals());
        Line("  of which the discarded new Thresholds()", "Signals.cs:22", () => new Thresholds());
        Line("SignalsBuilder.Build", "SignalsBuilder.cs:14", () => SignalsBuilder.Build(healthy, asOf, t, new CustomerLife(since, "opp-1"), DateOnly.MinValue));
        Line("StatesEvaluator.Evaluate (StateOutcome[6])", "StatesEvaluator.cs:11", () => StatesEvaluator.Evaluate(healthy, signals));
        Line("stamps copy, 4 stages", "StageEvaluator.cs:19", () => new Dictionary<string, DateOnly>(steady.Managed.StageEntryDates, StringComparer.Ordinal));
        Line("StageEvaluator.Evaluate, go-live", "StageEvaluator.cs:12", () => StageEvaluator.Evaluate(new StageInputs(healthy, rules.StageModel, signals, signals, EvaluationMode.Live)));
        Line("StageEvaluator.Evaluate, steady", "StageEvaluator.cs:12", () => StageEvaluator.Evaluate(new StageInputs(steady, rules.StageModel, signals, signals, EvaluationMode.Live)));
        foreach (var stage in rules.StageModel.Progression)
        {
            Line($"  StageReasons.Entered({stage.Name})", "StageReasons.cs:10", () => StageReasons.Entered(stage, asOf, signals));
            Line("    of which ReasonTemplate.Render", "ReasonTemplate.cs:49", () => stage.Reason!.Render(signals));
        }

        Line("MilestoneEvaluator.Evaluate, steady", "MilestoneEvaluator.cs:33", () => MilestoneEvaluator.Evaluate(rules.MilestonesFor("default"), steady.Managed, signals, since));
        Line("Signals.Total(\"projects_created\")", "Signals.cs:114", () => signals.Total("projects_created"));
        Line("Divergence.Compute, agree", "Divergence.cs:33", () => Divergence.Compute(rules, DefaultRules.Healthy, states, signals));
        Line("Divergence.Compute, hidden risk (Drifting)", "Divergence.cs:20", () => Divergence.Compute(rules, DefaultRules.Healthy, driftingStates, drifting));
        Line("Divergence.Compute, ahead of stage", "Divergence.cs:30", () => Divergence.Compute(rules, DefaultRules.Onboarding, states, signals));
    }

    private static Signals Signals(AccountSnapshot account, Thresholds t, DateOnly since)
    {
        var signals = SignalsBuilder.Build(account, AccountGenerator.AsOf, t, new CustomerLife(since, "opp-1"), DateOnly.MinValue);
        signals.SetStates(StatesEvaluator.Evaluate(account, signals));
        return signals;
    }

    /// <summary>Bytes per call, after enough calls and pauses for tiered compilation to reach its optimized code.</summary>
    private static void Line<T>(string what, string where, Func<T> call)
    {
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 30_000; i++)
            {
                call();
            }

            Thread.Sleep(250);
        }

        const int Calls = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            call();
        }

        Console.WriteLine($"  {(GC.GetAllocatedBytesForCurrentThread() - before) / Calls,6:N0} B  {what,-46} {where}");
    }
}
