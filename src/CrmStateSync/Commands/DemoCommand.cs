using System.CommandLine;
using CrmStateSync.Demo;
using CrmStateSync.Hosting;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Commands;

/// <summary><c>demo [--crm salesforce|hubspot] [--accounts N] [--db FILE]</c>: the embedded default — a loopback
/// sandbox CRM seeded with generated accounts, two real sync cycles of the worker composed as <c>run</c> composes it, a summary.</summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter error, ILoggerFactory logging)
    {
        var crm = new Option<string>("--crm") { Description = "Which CRM the sandbox plays: salesforce or hubspot", DefaultValueFactory = _ => "salesforce" };
        crm.AcceptOnlyFromAmong("salesforce", "hubspot");
        var accounts = new Option<int>("--accounts") { Description = "Accounts to generate", DefaultValueFactory = _ => 300 };
        var db = new Option<FileInfo?>("--db") { Description = "The SQLite file (default: a fresh file in the temp folder)" };
        var command = new Command("demo", "Run two real sync cycles against a loopback sandbox CRM and print what changed") { crm, accounts, db };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(crm)!, parse.GetValue(accounts), parse.GetValue(db), output, error, logging, ct));
        return command;
    }

    private static async Task<int> RunAsync(string crm, int accounts, FileInfo? db, TextWriter output, TextWriter error, ILoggerFactory logging, CancellationToken ct)
    {
        var seed = SandboxSeed.Generate(new SeedOptions { Accounts = accounts });
        await using var sandbox = new SandboxServer();
        _ = crm == "hubspot" ? sandbox.SeedHubSpot(seed) : sandbox.SeedSalesforce(seed);
        await sandbox.StartAsync(ct).ConfigureAwait(false);
        var path = db?.FullName ?? Path.Combine(Path.GetTempPath(), $"crmstatesync-demo-{crm}-{Guid.NewGuid():N}.db");
        // The worker composed as `run` composes it, from the keys an org's appsettings would hold, pointed at the sandbox.
        var clock = new FixedClock(seed.AsOf.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        await using var worker = await Worker.FromConfigurationAsync(SandboxSettings.Configuration(crm, sandbox, path, "demo"), error, logging, clock, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The demo's own sandbox configuration is invalid (listed above); this is a bug.");
        // The demo prints transitions and states per account, so it keeps each cycle's outcomes.
        worker.Engine.KeepOutcomes = true;
        var first = await worker.Engine.RunCycleAsync(ct).ConfigureAwait(false);
        var second = await worker.Engine.RunCycleAsync(ct).ConfigureAwait(false);
        DemoReport.Write(output, crm, accounts, first, second, path);
        return first.Summary.Outcome == "ok" ? ExitCodes.Success : ExitCodes.PartialFailure;
    }
}
