using BenchmarkDotNet.Running;
using CrmStateSync.Benchmarks;

// `throughput [--accounts N] …` is the scale run; anything else goes to BenchmarkDotNet (`--filter '*'`, `--job short` …).
if (args is ["throughput", .. var rest])
{
    return ThroughputRun.Run(rest);
}

// `allocations [--accounts N] [--steady]` breaks an evaluation's allocations down by step and by type.
if (args is ["allocations", .. var options])
{
    return AllocationBreakdown.Run(options);
}

BenchmarkSwitcher.FromAssembly(typeof(EvaluateBenchmarks).Assembly).Run(args);
return 0;
