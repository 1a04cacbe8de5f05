using System.CommandLine;
using CrmStateSync.Demo;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Store;
using CrmStateSync.Sync.Engine;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Commands;

/// <summary><c>demo [--crm salesforce|hubspot] [--accounts N] [--db FILE]</c>: the embedded default — a loopback
/// sandbox CRM seeded with generated accounts, two real sync cycles through the real connector, a summary.</summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output, ILoggerFactory logging)
    {
        var crm = new Option<string>("--crm") { Description = "Which CRM the sandbox plays: salesforce or hubspot", DefaultValueFactory = _ => "salesforce" };
        crm.AcceptOnlyFromAmong("salesforce", "hubspot");
        var accounts = new Option<int>("--accounts") { Description = "Accounts to generate (default 300)", DefaultValueFactory = _ => 300 };
        var db = new Option<FileInfo?>("--db") { Description = "The SQLite file (default: a fresh file in the temp folder)" };
        var command = new Command("demo", "Run two real sync cycles against a loopback sandbox CRM and print what changed") { crm, accounts, db };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(crm)!, parse.GetValue(accounts), parse.GetValue(db), output, logging, ct));
        return command;
    }

    private static async Task<int> RunAsync(string crm, int accounts, FileInfo? db, TextWriter output, ILoggerFactory logging, CancellationToken ct)
    {
        var seed = SandboxSeed.Generate(new SeedOptions { Accounts = accounts });
        await using var sandbox = new SandboxServer();
        _ = crm == "hubspot" ? sandbox.SeedHubSpot(seed) : sandbox.SeedSalesforce(seed);
        await sandbox.StartAsync(ct).ConfigureAwait(false);
        var path = db?.FullName ?? Path.Combine(Path.GetTempPath(), $"crmstatesync-demo-{crm}-{Guid.NewGuid():N}.db");
        await using var provider = DemoConnectors.Compose(crm, sandbox, logging);
        await using var store = await SqliteSyncStore.OpenAsync(path, "demo", crm, cancellationToken: ct).ConfigureAwait(false);
        var clock = new FixedClock(seed.AsOf.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        var engine = new SyncEngine(provider.Connector(), new SyncStorePort(store), RulesEngine.Default, new SyncOptions(), clock, logging.CreateLogger<SyncEngine>());
        var first = await engine.RunCycleAsync(dryRun: false, ct).ConfigureAwait(false);
        var second = await engine.RunCycleAsync(dryRun: false, ct).ConfigureAwait(false);
        DemoReport.Write(output, crm, accounts, first, second, path);
        return first.Summary.Outcome == "ok" ? ExitCodes.Success : ExitCodes.PartialFailure;
    }
}
