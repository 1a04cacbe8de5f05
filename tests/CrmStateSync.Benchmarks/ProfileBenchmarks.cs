using BenchmarkDotNet.Attributes;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Benchmarks;

/// <summary>
/// <see cref="EvaluateBenchmarks"/> split by account profile (per evaluation, over <see cref="Accounts"/> accounts of
/// one profile), to show which paths cost: a Healthy go-live walks four stages and renders four transition reasons.
/// </summary>
/// <remarks>BenchmarkDotNet needs benchmark classes public and not sealed (it derives from them).</remarks>
[MemoryDiagnoser]
public class ProfileBenchmarks
{
    public const int Accounts = 512;

    private readonly RulesEngine _engine = RulesEngine.Default;
    private AccountSnapshot[] _goLive = [];
    private AccountSnapshot[] _steady = [];

    [ParamsAllValues]
    public AccountProfile Profile { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var generator = new AccountGenerator();
        _goLive = [.. Enumerable.Range(0, Accounts).Select(i => generator.Generate(i, Profile))];
        _steady = [.. _goLive.Select(AccountGenerator.WithPrevious)];
    }

    [Benchmark(OperationsPerInvoke = Accounts)]
    public int GoLive() => EvaluateAll(_goLive);

    [Benchmark(OperationsPerInvoke = Accounts)]
    public int SteadyState() => EvaluateAll(_steady);

    private int EvaluateAll(AccountSnapshot[] accounts)
    {
        var check = 0;
        foreach (var account in accounts)
        {
            check += _engine.Evaluate(account, AccountGenerator.AsOf).Stage.Transitions.Count;
        }

        return check;
    }
}
