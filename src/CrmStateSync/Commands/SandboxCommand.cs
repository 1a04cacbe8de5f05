using System.CommandLine;
using CrmStateSync.Demo;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;

namespace CrmStateSync.Commands;

/// <summary>
/// <c>sandbox [--crm] [--port] [--accounts] [--usage-days] [--write-config FILE] [--schema-gaps]</c>: the loopback sandbox CRM on its
/// own, until stopped, with a configuration file for it — so the operator commands can be followed against it, and a
/// scale run can measure the worker's memory apart from the sandbox's.
/// </summary>
internal static class SandboxCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var crm = new Option<string>("--crm") { Description = "Which CRM the sandbox plays: salesforce or hubspot", DefaultValueFactory = _ => "salesforce" };
        crm.AcceptOnlyFromAmong("salesforce", "hubspot");
        var port = new Option<int>("--port") { Description = "Loopback port (0 picks a free one)", DefaultValueFactory = _ => 5480 };
        var accounts = new Option<int>("--accounts") { Description = "Accounts to generate", DefaultValueFactory = _ => 300 };
        var usageDays = new Option<int>("--usage-days") { Description = "Days of usage per account", DefaultValueFactory = _ => 180 };
        var config = new Option<FileInfo>("--write-config")
        {
            Description = "Where to write the worker configuration for this sandbox",
            DefaultValueFactory = _ => new FileInfo("sandbox.appsettings.json"),
        };
        var gaps = new Option<bool>("--schema-gaps")
        {
            Description = "Start as an org whose fields are not set up yet (HubSpot: written properties missing, fixed by schema provision)",
        };
        var command = new Command("sandbox", "Serve the loopback sandbox CRM until stopped, and write a worker configuration for it")
        {
            crm, port, accounts, usageDays, config, gaps,
        };
        command.SetAction((parse, ct) => RunAsync(
            new SandboxRun(parse.GetValue(crm)!, parse.GetValue(port), parse.GetValue(accounts), parse.GetValue(usageDays), parse.GetValue(config)!) { SchemaGaps = parse.GetValue(gaps) },
            output,
            error,
            clock,
            ct));
        return command;
    }

    internal static async Task<int> RunAsync(SandboxRun run, TextWriter output, TextWriter error, TimeProvider clock, CancellationToken ct)
    {
        if (run.Port is < 0 or > 65535 || run.Accounts < 1 || run.UsageDays < 0)
        {
            error.WriteLine("--port must be 0-65535, --accounts at least 1, --usage-days at least 0");
            return ExitCodes.ConfigurationError;
        }

        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var seed = SandboxSeed.Generate(new SeedOptions { Accounts = run.Accounts, UsageDays = run.UsageDays, AsOf = asOf });
        await using var sandbox = new SandboxServer(new SandboxOptions { Port = run.Port });
        _ = run.Crm == "hubspot" ? sandbox.SeedHubSpot(seed) : sandbox.SeedSalesforce(seed);
        if (run.SchemaGaps)
        {
            SandboxSchemaGaps.Open(sandbox, run.Crm);
        }

        try
        {
            await sandbox.StartAsync(ct).ConfigureAwait(false);
        }
        catch (IOException ex) when (Hosting.Failures.IsAddressInUse(ex))
        {
            // The guide's second sandbox, or anything else on the port: say which and what to do, not "a bug".
            return Hosting.Failures.AddressInUse("--port", $"127.0.0.1:{run.Port}", "is a sandbox already running? Stop it (Ctrl+C), or pick another port (--port 0 picks a free one)", error);
        }

        var database = Path.Combine("state", $"sandbox-{run.Crm}.db");
        // Written whole, then moved into place: whoever waits for the file never reads half of it.
        var temporary = run.Config.FullName + ".tmp";
        await File.WriteAllTextAsync(temporary, SandboxConfigFile.Render(run.Crm, sandbox, database), ct).ConfigureAwait(false);
        File.Move(temporary, run.Config.FullName, overwrite: true);
        output.WriteLine($"Sandbox {run.Crm} listening on {sandbox.Url} with {run.Accounts} accounts shaped around {asOf:yyyy-MM-dd}.");
        output.WriteLine($"Records: {seed.Accounts.Count} accounts, {seed.Opportunities} opportunities, {seed.Contacts} contacts, {seed.UsageRows} usage rows.");
        output.WriteLine($"Worker configuration: {run.Config.FullName}");
        output.WriteLine($"Try: crmstatesync sync --once --dry-run --config {run.Config.Name}    (Ctrl+C stops the sandbox)");
        await output.FlushAsync(ct).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: the normal way to stop it.
        }

        return ExitCodes.Success;
    }

    internal sealed record SandboxRun(string Crm, int Port, int Accounts, int UsageDays, FileInfo Config)
    {
        /// <summary>Start with some of the worker's fields missing (<see cref="SandboxSchemaGaps"/>).</summary>
        public bool SchemaGaps { get; init; }
    }
}
