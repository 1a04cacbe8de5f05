using System.Globalization;
using CrmStateSync.Crm.Contract;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Hosting;

/// <summary>
/// The long-running worker: a cycle every <see cref="WorkerOptions.Interval"/>. A cycle in progress when shutdown is
/// asked runs to its end (its writes are journaled either way, so even a hard kill loses nothing); a cycle that fails
/// because the CRM is down or the budget is spent is logged and the next one resumes. After every cycle the heartbeat
/// file (if configured) is rewritten, for a container probe.
/// </summary>
internal sealed partial class SyncWorker(Worker worker, TimeProvider clock, ILogger<SyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(worker.Options.Interval, clock);
        do
        {
            await RunOneAsync().ConfigureAwait(false);
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private async Task RunOneAsync()
    {
        try
        {
            // Not cancelled by shutdown: the current cycle finishes (the host's shutdown timeout bounds it).
            var result = await worker.Engine.RunCycleAsync(dryRun: false, CancellationToken.None).ConfigureAwait(false);
            await BeatAsync(result.Summary.ToString()).ConfigureAwait(false);
        }
        catch (CrmException ex)
        {
            LogCycleFailed(logger, ex.GetType().Name, ex.Message);
            await BeatAsync($"failed: {ex.GetType().Name}").ConfigureAwait(false);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task BeatAsync(string summary)
    {
        if (worker.Options.HeartbeatPath is { Length: > 0 } path)
        {
            var line = $"{clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)} {summary}";
            await File.WriteAllTextAsync(Path.GetFullPath(path), line + Environment.NewLine).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync cycle failed ({Kind}): {Message}; the next cycle resumes")]
    private static partial void LogCycleFailed(ILogger logger, string kind, string message);
}
