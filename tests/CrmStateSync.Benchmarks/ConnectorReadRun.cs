using System.Diagnostics;
using System.Globalization;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot;
using CrmStateSync.Crm.Http;
using CrmStateSync.Crm.Salesforce;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using Microsoft.Extensions.DependencyInjection;

namespace CrmStateSync.Benchmarks;

/// <summary>
/// A full account read through the real connector against the loopback sandbox: wall time, records/s, memory (peak
/// working set; GC heap before and after, sampled during the read), calls made vs the floor, and for HubSpot under an
/// enforced budget the sustained request rate as a share of it and the 429s. <c>--bulk-threshold N</c> (Salesforce):
/// a full read of more than N rows goes through a Bulk API 2.0 query job (0, the default here, keeps REST pages).
/// </summary>
internal static class ConnectorReadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var crm = Option(args, "--crm") ?? "salesforce";
        var accounts = int.Parse(Option(args, "--accounts") ?? "100000", CultureInfo.InvariantCulture);
        var bulkThreshold = Option(args, "--bulk-threshold") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : 0;
        var budget = Option(args, "--enforce-budget") is { } b ? int.Parse(b.Split('/')[0], CultureInfo.InvariantCulture) : (int?)null;
        var options = new SandboxOptions { HubSpotEnforceBudget = budget is not null, HubSpotTenSecondLimit = budget ?? 190 };
        await using var sandbox = new SandboxServer(options);
        var seed = SandboxSeed.Generate(new SeedOptions { Accounts = accounts, Children = false });
        _ = crm == "hubspot" ? sandbox.SeedHubSpot(seed) : sandbox.SeedSalesforce(seed);
        seed = null;
        await sandbox.StartAsync();
        await using var provider = Compose(crm, sandbox, budget, bulkThreshold);
        var connector = provider.GetRequiredService<ICrmConnector>();

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var (read, peakHeap, elapsed) = await ReadAllAsync(connector);
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var calls = connector.Usage.CallsMade;
        var pageSize = crm == "hubspot" ? 100 : 2000;
        var floor = (accounts + pageSize - 1) / pageSize + (crm == "hubspot" ? 0 : 1);

        Console.WriteLine($"connector-read crm={crm} accounts={accounts} read={read} cores={Environment.ProcessorCount}{(bulkThreshold > 0 ? $" bulk-threshold={bulkThreshold}" : "")}");
        Console.WriteLine($"  wall {elapsed.TotalSeconds:F2} s, {read / elapsed.TotalSeconds:F0} records/s");
        Console.WriteLine($"  peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB (sandbox data included)");
        Console.WriteLine($"  GC heap before {heapBefore / 1048576.0:F1} MiB, peak during read {peakHeap / 1048576.0:F1} MiB, after {heapAfter / 1048576.0:F1} MiB");
        Console.WriteLine($"  calls made {calls} (sandbox counted {ServerCalls(crm, sandbox)}), floor {floor} (⌈N/{pageSize}⌉{(crm == "hubspot" ? "" : " + token")})");
        Console.WriteLine($"  calls by kind: {string.Join(", ", provider.GetRequiredService<CallCounter>().ByKind.Select(k => $"{k.Key} {k.Value}"))}");
        Console.WriteLine($"  process CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s (worker and sandbox)");
        if (budget is { } max)
        {
            // The first window's requests go out at once (a burst the budget allows); the sustained rate is what
            // follows it: (requests − one window's budget) over the whole wall time, a conservative reading.
            var rate = Math.Max(0, sandbox.HubSpot.Requests - max) / elapsed.TotalSeconds * 10;
            Console.WriteLine($"  budget {max}/10s: sustained {rate:F1} requests/10s after the first window = {rate / max:P1} of the budget, 429s {sandbox.HubSpot.RateLimited}");
        }

        return read == accounts ? 0 : 1;
    }

    private static async Task<(int Read, long PeakHeap, TimeSpan Elapsed)> ReadAllAsync(ICrmConnector connector)
    {
        var read = 0;
        long peak = 0;
        var clock = Stopwatch.StartNew();
        await foreach (var change in connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None))
        {
            if (change.Record is not null && ++read % 1000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
            }
        }

        return (read, peak, clock.Elapsed);
    }

    private static ServiceProvider Compose(string crm, SandboxServer sandbox, int? budget, int bulkThreshold)
    {
        var services = new ServiceCollection();
        var resilience = new CrmResilienceOptions { AttemptTimeout = TimeSpan.FromSeconds(60), TotalTimeout = TimeSpan.FromMinutes(10), BreakerSamplingDuration = TimeSpan.FromMinutes(2) };
        if (crm == "hubspot")
        {
            services.AddHubSpotConnector(o =>
            {
                o.BaseUrl = sandbox.Url;
                o.AccessToken = sandbox.Options.HubSpotToken;
                o.RequestsPer10Seconds = budget ?? 190;
                o.Resilience = resilience;
            });
        }
        else
        {
            services.AddSalesforceConnector(o =>
            {
                o.LoginUrl = sandbox.Url;
                o.ClientId = sandbox.Options.SalesforceClientId;
                o.ClientSecret = sandbox.Options.SalesforceClientSecret;
                o.Resilience = resilience;
                o.BulkThreshold = bulkThreshold;
                o.BulkPollInterval = TimeSpan.FromMilliseconds(200);
            });
        }

        return services.BuildServiceProvider();
    }

    private static long ServerCalls(string crm, SandboxServer sandbox) => crm == "hubspot" ? sandbox.HubSpot.Requests : sandbox.Salesforce.ApiUsed + sandbox.Salesforce.TokensIssued;

    private static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
