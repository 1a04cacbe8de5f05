using BenchmarkDotNet.Attributes;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Benchmarks;

/// <summary>
/// One evaluation of a typical account (90 daily usage rows, 10 contacts, 5 opportunities, the 6 default milestones),
/// averaged over <see cref="Accounts"/> generated accounts of the whole mix: each invocation evaluates all of them and
/// BenchmarkDotNet divides time and allocation by <see cref="Accounts"/>, so Mean and Allocated are per evaluation.
/// </summary>
/// <remarks>BenchmarkDotNet needs benchmark classes public and not sealed (it derives from them).</remarks>
[MemoryDiagnoser]
public class EvaluateBenchmarks
{
    public const int Accounts = 1024;

    private readonly RulesEngine _engine = RulesEngine.Default;
    private AccountSnapshot[] _goLive = [];
    private AccountSnapshot[] _steady = [];
    private EvaluationResult[] _steadyResults = [];

    [GlobalSetup]
    public void Setup()
    {
        var generator = new AccountGenerator();
        _goLive = generator.Generate(0, Accounts);
        _steady = [.. _goLive.Select(AccountGenerator.WithPrevious)];
        _steadyResults = [.. _steady.Select(a => _engine.Evaluate(a, AccountGenerator.AsOf))];
    }

    /// <summary>First evaluation: no previous managed values, no last-written stage (go-live, or a new account).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Accounts)]
    public int EvaluateTypicalAccount_GoLive() => EvaluateAll(_goLive);

    /// <summary>The previous values are what the last evaluation wrote and nothing changed: the everyday path.</summary>
    [Benchmark(OperationsPerInvoke = Accounts)]
    public int EvaluateTypicalAccount_SteadyState() => EvaluateAll(_steady);

    /// <summary>
    /// Text only, on steady-state results computed in setup: every state reason, the milestone reason and the stage
    /// reason rendered to strings (what the evaluation itself defers).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Accounts)]
    public int RenderAllReasons()
    {
        var length = 0;
        foreach (var result in _steadyResults)
        {
            length += ReasonRendering.RenderAll(result);
        }

        return length;
    }

    private int EvaluateAll(AccountSnapshot[] accounts)
    {
        var check = 0;
        foreach (var account in accounts)
        {
            var result = _engine.Evaluate(account, AccountGenerator.AsOf);
            check += result.Stage.Transitions.Count + result.Milestones.Completed;
        }

        return check;
    }
}
