using System.CommandLine;
using CrmStateSync.Hosting;
using CrmStateSync.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmStateSync.Commands;

/// <summary>
/// <c>run [--config FILE]</c>: the long-running worker (a hosted BackgroundService). Ctrl+C or SIGTERM stops it
/// gracefully (<see cref="StopSignal"/>): the cycle in progress finishes its current chunk, is recorded as stopped, and
/// the process exits 0.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter error, TimeProvider clock)
    {
        var config = new Option<FileInfo?>("--config", "-c") { Description = "appsettings file (default ./appsettings.json), then CRMSTATESYNC_ environment variables" };
        var command = new Command("run", "Run the worker: a sync cycle every Worker:Interval (or on Worker:Schedule) until stopped") { config };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(config), error, clock, ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? config, TextWriter error, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            // The worker logs as its configuration says (a Serilog section), else as every command does.
            var configuration = WorkerConfiguration.Load(config?.FullName);
            using var logging = WorkerLogging.Create(configuration, Console.IsErrorRedirected);
            await using var worker = await Worker.FromConfigurationAsync(configuration, error, logging, clock, ct).ConfigureAwait(false);
            if (worker is null)
            {
                return ExitCodes.ConfigurationError;
            }

            const string Remedy = "is another worker running with this configuration? Stop it, or give this one another port";
            if (worker.Options.HealthUrls is { Length: > 0 } urls && ListenAddresses.FirstInUse(urls) is { } busy)
            {
                return Failures.AddressInUse("Worker:HealthUrls", busy, Remedy, error);
            }

            if (await worker.Schema.CheckAsync(error, ct).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            var logger = logging.CreateLogger("CrmStateSync.Run");
            using var stop = StopSignal.Listen(worker.Options.ShutdownTimeout, logger);
            // The console's reports read the history with the configured stage model, as `report` does (validated with the rules above).
            var stageModel = WorkerConfiguration.Bind<Rules.Configuration.StageModelOptions>(configuration.GetSection("Rules:StageModel"), []);
            using var host = WorkerHost.Build(worker, logging, clock, stop, Reports.ReportStageModel.From(stageModel));
            // Taken before the run: RunAsync disposes the host's services when it returns.
            var sync = host.Services.GetServices<IHostedService>().OfType<SyncWorker>().Single();
            try
            {
                await host.RunAsync(stop.Stopping).ConfigureAwait(false);
            }
            catch (IOException ex) when (Failures.IsAddressInUse(ex))
            {
                // Taken between the check above and the host's start.
                return Failures.AddressInUse("Worker:HealthUrls", worker.Options.HealthUrls!, Remedy, error);
            }

            if (sync.ExecuteTask is { IsFaulted: true } failed)
            {
                // What a cycle cannot survive (the store became unusable …) ends the worker with its own exit code.
                return Failures.Report(failed.Exception.InnerException!, error);
            }

            return stop.Finish() ? ExitCodes.Success : stop.ExitCodeIfAborted;
        }
        catch (Exception ex) when (Failures.IsKnown(ex))
        {
            return Failures.Report(ex, error);
        }
    }
}
