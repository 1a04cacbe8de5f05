using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Benchmarks;

/// <summary>
/// <c>allocations [--accounts N] [--steady]</c>: where an evaluation's bytes go, on one thread. Exact bytes per step of
/// the engine (<see cref="EvaluationSteps"/>), then bytes per type sampled from the GC over repeated passes, then
/// the exact bytes of the single calls behind them (<see cref="AllocationItems"/>).
/// </summary>
internal static class AllocationBreakdown
{
    private const int Passes = 10;

    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--accounts");
        var accounts = at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var n) && n > 0 ? n : 20_000;
        var steady = args.Contains("--steady");
        var snapshots = new AccountGenerator().Generate(0, accounts, steady);
        GC.Collect();
        Console.WriteLine($"{(steady ? "steady state" : "go-live")}, {accounts:N0} accounts, one thread");

        var engine = RulesEngine.Default;
        var steps = new EvaluationSteps();

        // A first pass of each warms up (tiering and other one-off allocations would count otherwise).
        BytesPerEvaluation(snapshots, s => engine.Evaluate(s, AccountGenerator.AsOf));
        BytesPerEvaluation(snapshots, s => steps.Evaluate(s, AccountGenerator.AsOf));
        var engineBytes = BytesPerEvaluation(snapshots, s => engine.Evaluate(s, AccountGenerator.AsOf));
        steps = new EvaluationSteps();
        var stepBytes = BytesPerEvaluation(snapshots, s => steps.Evaluate(s, AccountGenerator.AsOf));
        Console.WriteLine($"engine: {engineBytes:N0} B/evaluation; steps below sum to {stepBytes:N0} B/evaluation");
        for (var i = 0; i < EvaluationSteps.Names.Length; i++)
        {
            Console.WriteLine($"  {EvaluationSteps.Names[i]}  {(double)steps.Bytes[i] / accounts,8:N0} B");
        }

        Console.WriteLine($"  (facts predate the customer start, signals built twice: {steps.ProgressionBuilds:N0} of {accounts:N0})");
        PrintTypes(snapshots, engine);
        AllocationItems.Print();
        return 0;
    }

    private static double BytesPerEvaluation(AccountSnapshot[] snapshots, Func<AccountSnapshot, EvaluationResult> evaluate)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var s in snapshots)
        {
            evaluate(s);
        }

        return (double)(GC.GetAllocatedBytesForCurrentThread() - before) / snapshots.Length;
    }

    private static void PrintTypes(AccountSnapshot[] snapshots, RulesEngine engine)
    {
        using var sampler = new AllocationSampler();
        sampler.Start();
        for (var pass = 0; pass < Passes; pass++)
        {
            BytesPerEvaluation(snapshots, s => engine.Evaluate(s, AccountGenerator.AsOf));
        }

        sampler.Stop();
        var evaluations = (double)snapshots.Length * Passes;
        Console.WriteLine($"bytes per type (GC AllocationTick samples, {evaluations:N0} evaluations):");
        foreach (var (type, bytes) in sampler.BytesByType.OrderByDescending(t => t.Value).Take(15))
        {
            Console.WriteLine($"  {bytes / evaluations,8:N0} B  {type}");
        }
    }
}
