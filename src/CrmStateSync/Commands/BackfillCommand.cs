using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CrmStateSync.Demo;
using CrmStateSync.Hosting;
using CrmStateSync.Logging;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Sync.Backfill;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Commands;

/// <summary>
/// <c>backfill [--from YYYY-MM-DD] [--dry-run] [--config FILE] | --sandbox [--crm] [--accounts N] [--db FILE]</c>: the
/// go-live migration (sync.md), against the configured org exactly as <c>sync</c> and <c>run</c> find it (<c>--config</c>,
/// else ./appsettings.json); only with <c>--sandbox</c> against a loopback sandbox of its own, like <c>demo</c> — so an
/// operator who forgets an option cannot get a successful-looking run against nothing.
/// </summary>
internal static class BackfillCommand
{
    public static Command Create(TextWriter output, TextWriter error, ILoggerFactory logging, TimeProvider clock)
    {
        var config = new Option<FileInfo?>("--config", "-c") { Description = "appsettings file (default ./appsettings.json), then CRMSTATESYNC_ environment variables" };
        var sandbox = new Option<bool>("--sandbox") { Description = "Backfill a loopback sandbox of its own (a demonstration), not the configured org" };
        var from = new Option<DateOnly?>("--from") { Description = "Replay from this date (YYYY-MM-DD) when later than an account's first won opportunity", CustomParser = ParseDate };
        var dryRun = new Option<bool>("--dry-run") { Description = "Replay and print the plan (account, field, CRM value, new value) without writing anything" };
        var crm = new Option<string>("--crm") { Description = "With --sandbox: which CRM it plays, salesforce or hubspot", DefaultValueFactory = _ => "salesforce" };
        crm.AcceptOnlyFromAmong("salesforce", "hubspot");
        var accounts = new Option<int>("--accounts") { Description = "With --sandbox: accounts to generate", DefaultValueFactory = _ => 300 };
        var db = new Option<FileInfo?>("--db") { Description = "With --sandbox: the SQLite file (default: a fresh file in the temp folder)" };
        var command = new Command("backfill", "Go-live migration: read everything, replay the rules day by day from each account's first won opportunity, then write")
        {
            from, dryRun, config, sandbox, crm, accounts, db,
        };
        command.SetAction((parse, ct) =>
        {
            var request = new Request(parse.GetValue(from), parse.GetValue(dryRun), parse.GetValue(crm)!, parse.GetValue(accounts), parse.GetValue(db));
            return parse.GetValue(sandbox)
                ? RunAsync(request, output, error, logging, ct)
                : RunConfiguredAsync(parse.GetValue(config), request, output, error, clock, ct);
        });
        return command;
    }

    private sealed record Request(DateOnly? From, bool DryRun, string Crm, int Accounts, FileInfo? Db);

    private static async Task<int> RunAsync(Request request, TextWriter output, TextWriter error, ILoggerFactory logging, CancellationToken ct)
    {
        var seed = SandboxSeed.Generate(new SeedOptions { Accounts = request.Accounts });
        await using var sandbox = new SandboxServer();
        _ = request.Crm == "hubspot" ? sandbox.SeedHubSpot(seed) : sandbox.SeedSalesforce(seed);
        await sandbox.StartAsync(ct).ConfigureAwait(false);
        var path = request.Db?.FullName ?? Path.Combine(Path.GetTempPath(), $"crmstatesync-backfill-{request.Crm}-{Guid.NewGuid():N}.db");
        var clock = new FixedClock(seed.AsOf.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        await using var worker = await Worker.FromConfigurationAsync(SandboxSettings.Configuration(request.Crm, sandbox, path, "demo"), error, logging, clock, ct, readOnly: request.DryRun).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The sandbox's own configuration is invalid (listed above); this is a bug.");
        return await BackfillAsync(worker, request, output, error, "sandbox", ct).ConfigureAwait(false);
    }

    private static async Task<int> RunConfiguredAsync(FileInfo? config, Request request, TextWriter output, TextWriter error, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            var configuration = WorkerConfiguration.Load(config?.FullName);
            using var logging = WorkerLogging.Create(configuration, Console.IsErrorRedirected);
            await using var worker = await Worker.FromConfigurationAsync(configuration, error, logging, clock, ct, readOnly: request.DryRun).ConfigureAwait(false);
            return worker is null ? ExitCodes.ConfigurationError : await BackfillAsync(worker, request, output, error, "configured org", ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (Failures.IsKnown(ex))
        {
            return Failures.Report(ex, error);
        }
    }

    private static async Task<int> BackfillAsync(Worker worker, Request request, TextWriter output, TextWriter error, string target, CancellationToken ct)
    {
        BackfillSummary summary;
        try
        {
            summary = await worker.Backfill().RunAsync(request.From, ct).ConfigureAwait(false);
        }
        catch (BackfillRefusedException refused)
        {
            error.WriteLine(refused.Message + ".");
            error.WriteLine($"To backfill anyway: stop the worker, move {Path.GetFullPath(worker.Options.DatabasePath)} aside and run backfill again. " +
                "The CRM's current stages are then recorded as replaced at go-live and the history is the replay's alone; " +
                "the moved file keeps the old conflict log and runs.");
            return ExitCodes.ConfigurationError;
        }

        Report(output, worker.Options.Provider!, summary, Path.GetFullPath(worker.Options.DatabasePath), target);
        return summary.Outcome == "ok" ? ExitCodes.Success : ExitCodes.PartialFailure;
    }

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--from: '{text}' is not a date (YYYY-MM-DD)");
        return null;
    }

    private static void Report(TextWriter o, string crm, BackfillSummary summary, string databasePath, string target)
    {
        o.WriteLine($"CrmStateSync backfill as of {summary.AsOf:yyyy-MM-dd} through the real {crm} connector ({target})");
        o.WriteLine($"backfill: {summary}");
        o.WriteLine("transitions by stage:");
        foreach (var (stage, count) in summary.TransitionsByStage.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            o.WriteLine($"  {stage,-14} {count,6}");
        }

        if (summary.TransitionsByStage.ContainsKey(BackfillSummary.ReplacedAtGoLive))
        {
            o.WriteLine($"  {BackfillSummary.ReplacedAtGoLive}: the stage the CRM held at go-live, kept in the history (\"replaced at go-live\") where the account had no stage yet on its first replayed day");
        }

        if (summary.DryRun)
        {
            WritePlan(o, summary);
        }

        o.WriteLine($"SQLite state: {databasePath}");
    }

    private static void WritePlan(TextWriter o, BackfillSummary summary)
    {
        o.WriteLine("plan (nothing written):");
        o.WriteLine($"  {"account",-20} {"field",-40} {"CRM value",-24} new value");
        foreach (var plan in summary.Plans)
        {
            foreach (var change in plan.Writes)
            {
                o.WriteLine($"  {plan.AccountId,-20} {change.Field,-40} {Cell(change.CrmText),-24} {Cell(change.Text)}");
            }
        }
    }

    private static string Cell(string? text) => text is null ? "(empty)" : text.Length <= 60 ? text : text[..59] + "…";
}
