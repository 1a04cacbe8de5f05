using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Benchmarks;

/// <summary>
/// The scale run: N generated accounts evaluated over every core. Accounts are generated a chunk at a time (outside
/// the clock, then collected into gen2) and each chunk is evaluated with range partitions over all cores; only evaluation is timed and only
/// its allocations and collections are counted.
/// </summary>
internal static class ThroughputRun
{
    private const int RangeSize = 2048;

    public static int Run(IReadOnlyList<string> args)
    {
        if (ThroughputOptions.Parse(args, out var error) is not { } options)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(ThroughputOptions.Usage);
            return 2;
        }

        PrintEnvironment(options);
        var generator = new AccountGenerator(options.Seed);
        var warmUp = generator.Generate(0, Math.Min(options.Accounts, 20_000), options.Steady);
        Evaluate(warmUp, new ConcurrentDictionary<string, long>());

        var stages = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var total = new Measure();
        var generating = Stopwatch.StartNew();
        for (var start = 0; start < options.Accounts; start += options.Chunk)
        {
            var accounts = generator.Generate(start, Math.Min(options.Chunk, options.Accounts - start), options.Steady);

            // Settle the fresh chunk into gen2 now, so the evaluation's collections do not pay to promote the generator's data.
            GC.Collect();
            generating.Stop();
            total += Measure.Of(() => Evaluate(accounts, stages));
            generating.Start();
        }

        generating.Stop();
        Print(options, total, generating.Elapsed, stages);
        return 0;
    }

    private static void Evaluate(AccountSnapshot[] accounts, ConcurrentDictionary<string, long> stages)
    {
        var engine = RulesEngine.Default;
        Parallel.ForEach(
            Partitioner.Create(0, accounts.Length, RangeSize),
            () => new Dictionary<string, long>(StringComparer.Ordinal),
            (range, _, local) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var stage = engine.Evaluate(accounts[i], AccountGenerator.AsOf).Stage.Stage ?? "(no stage)";
                    local[stage] = local.GetValueOrDefault(stage) + 1;
                }

                return local;
            },
            local =>
            {
                foreach (var (stage, count) in local)
                {
                    stages.AddOrUpdate(stage, count, (_, sum) => sum + count);
                }
            });
    }

    private static void PrintEnvironment(ThroughputOptions o)
    {
        Console.WriteLine($"runtime           {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSArchitecture}");
        Console.WriteLine($"cores             {Environment.ProcessorCount} (GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, {GCSettings.LatencyMode})");
        Console.WriteLine($"mode              {(o.Steady ? "steady state (previous values applied)" : "go-live (no previous values)")}, seed {o.Seed}, chunks of {o.Chunk:N0}");
    }

    private static void Print(ThroughputOptions o, Measure m, TimeSpan generating, ConcurrentDictionary<string, long> stages)
    {
        var seconds = m.Elapsed.TotalSeconds;
        Console.WriteLine($"accounts          {o.Accounts:N0}");
        Console.WriteLine($"elapsed           {seconds:F2} s (evaluation only; generation took {generating.TotalSeconds:F1} s)");
        Console.WriteLine($"throughput        {o.Accounts / seconds:N0} accounts/s ({seconds * 1e6 / o.Accounts * Environment.ProcessorCount:F2} µs per evaluation per core)");
        Console.WriteLine($"allocated         {(double)m.Allocated / o.Accounts:N0} B/account ({m.Allocated / (1024.0 * 1024 * 1024):F2} GB total)");
        Console.WriteLine($"collections       gen0 {m.Gen0}, gen1 {m.Gen1}, gen2 {m.Gen2} (during evaluation)");
        Console.WriteLine($"stages            {string.Join(", ", stages.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value:N0}"))}");
    }

    /// <summary>Elapsed time, allocated bytes and collections of a piece of work.</summary>
    private readonly record struct Measure(TimeSpan Elapsed, long Allocated, int Gen0, int Gen1, int Gen2)
    {
        public static Measure Of(Action work)
        {
            var before = Now();
            var clock = Stopwatch.StartNew();
            work();
            clock.Stop();
            var after = Now();
            return new Measure(clock.Elapsed, after.Allocated - before.Allocated, after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);
        }

        public static Measure operator +(Measure a, Measure b) =>
            new(a.Elapsed + b.Elapsed, a.Allocated + b.Allocated, a.Gen0 + b.Gen0, a.Gen1 + b.Gen1, a.Gen2 + b.Gen2);

        private static Measure Now() =>
            new(TimeSpan.Zero, GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }
}
