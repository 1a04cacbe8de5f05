using System.CommandLine;
using CrmStateSync.Hosting;
using CrmStateSync.Logging;
using CrmStateSync.Output;
using CrmStateSync.Sync.Engine;

namespace CrmStateSync.Commands;

/// <summary>
/// <c>sync --once [--dry-run] [--config FILE] [--format table|json]</c>: one cycle against the configured org. Ctrl+C or
/// SIGTERM stops it as it stops <c>run</c>: after the current chunk, recorded as stopped, exit 0.
/// </summary>
internal static class SyncCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var once = new Option<bool>("--once") { Description = "Run one cycle and exit (the long-running worker is `run`)", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Compute and print the plan; write nothing" };
        var config = new Option<FileInfo?>("--config", "-c") { Description = "appsettings file (default ./appsettings.json), then CRMSTATESYNC_ environment variables" };
        var format = new Option<string>("--format") { Description = "Plan format for --dry-run: table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var account = new Option<string?>("--account") { Description = "With --dry-run: one account's plan in full, each value with its reason (its CRM id, or its name)" };
        var limit = new Option<int?>("--limit") { Description = "With --dry-run: list the first N accounts that have something planned; the rest is counted" };
        var command = new Command("sync", "Run one sync cycle against the configured org") { once, dryRun, config, format, account, limit };
        // sync.md documents `sync --once`, and the help says REQUIRED: without it, refuse rather than run a cycle anyway
        // (System.CommandLine does not enforce Required on a flag).
        command.Validators.Add(result =>
        {
            if (result.GetResult(once) is null)
            {
                result.AddError("sync needs --once: `sync --once` runs one cycle and exits; the long-running worker is `run`");
            }
        });
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(dryRun), parse.GetValue(config), parse.GetValue(format)!, new PlanView(parse.GetValue(account), parse.GetValue(limit)), output, error, clock, ct));
        return command;
    }

    private static async Task<int> RunAsync(bool dryRun, FileInfo? config, string format, PlanView view, TextWriter output, TextWriter error, TimeProvider clock, CancellationToken ct)
    {
        if (view.Problem(dryRun) is { } problem)
        {
            error.WriteLine(problem);
            return ExitCodes.ConfigurationError;
        }

        try
        {
            // Logs as `run` does: the configuration's Serilog section, else the defaults.
            var configuration = WorkerConfiguration.Load(config?.FullName);
            using var logging = WorkerLogging.Create(configuration, Console.IsErrorRedirected);
            await using var worker = await Worker.FromConfigurationAsync(configuration, error, logging, clock, ct, readOnly: dryRun).ConfigureAwait(false);
            if (worker is null)
            {
                return ExitCodes.ConfigurationError;
            }

            // A cron tick: a check that passed today for this configuration stands (the store remembers it).
            if (await worker.Schema.CheckAsync(error, ct, reuseToday: true).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            if (view.Account is not null)
            {
                return await view.RunAccountAsync(worker, format, output, error, ct).ConfigureAwait(false);
            }

            using var stop = StopSignal.Listen(worker.Options.ShutdownTimeout, logging.CreateLogger("CrmStateSync.Sync"));
            CycleResult result;
            try
            {
                result = await worker.Engine.RunCycleAsync(stop.Stopping, stop.Aborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.Aborted.IsCancellationRequested)
            {
                error.WriteLine($"stopped ({stop.Reason}) without reaching a chunk boundary within Worker:ShutdownTimeout ({worker.Options.ShutdownTimeout}); its writes are journaled and the next cycle resumes");
                return stop.ExitCodeIfAborted;
            }

            if (dryRun)
            {
                PlanWriter.Write(output, result, format, view.Limit);
            }

            // A JSON plan is for a pipe (jq): stdout holds only the document, the summary goes to stderr.
            (dryRun && format == "json" ? error : output).WriteLine(result.Summary.ToString());
            // A graceful stop is a clean end: the rest is the next cycle's.
            return result.Summary.Outcome is "ok" or "stopped" ? ExitCodes.Success : ExitCodes.PartialFailure;
        }
        catch (Exception ex) when (Failures.IsKnown(ex))
        {
            return Failures.Report(ex, error);
        }
    }
}
