using BenchmarkDotNet.Running;
using CrmStateSync.Benchmarks;
using CrmStateSync.Benchmarks.ConsolePages;

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

// `connector-read --crm salesforce|hubspot [--accounts N] [--enforce-budget 100/10s] [--bulk-threshold N]`: the real connector reads the sandbox.
if (args is ["connector-read", .. var readOptions])
{
    return await ConnectorReadRun.RunAsync(readOptions);
}

// `snapshots --accounts N --out FILE`: an evaluate input of generated accounts (JSON, or JSON Lines for .jsonl).
if (args is ["snapshots", .. var fileOptions])
{
    return SnapshotFileRun.Run(fileOptions);
}

// `console-store --out FILE [--accounts N]`: a store at the admin console's scale (issue 15); `console-pages --db FILE`: times its pages.
if (args is ["console-store", .. var storeOptions])
{
    return await ConsoleStoreGenerator.RunAsync(storeOptions);
}

if (args is ["console-pages", .. var pageOptions])
{
    return await ConsolePageRun.RunAsync(pageOptions);
}

BenchmarkSwitcher.FromAssembly(typeof(EvaluateBenchmarks).Assembly).Run(args);
return 0;
