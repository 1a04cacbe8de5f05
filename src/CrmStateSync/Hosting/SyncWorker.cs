using System.Globalization;
using CrmStateSync.Crm.Contract;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Hosting;

/// <summary>
/// The long-running worker: a cycle on its <see cref="CycleSchedule"/> (every interval, or on a cron expression). A
/// cycle in progress when shutdown is asked runs to its end (its writes are journaled either way, so even a hard kill
/// loses nothing); a cycle that fails because the CRM is down or the budget is spent is logged and the next one
/// resumes. The heartbeat file (if configured) is rewritten when a cycle starts and when it ends, for a container
/// probe; <see cref="WorkerHealth"/> tells the health endpoint the same.
/// </summary>
internal sealed partial class SyncWorker(Worker worker, CycleSchedule schedule, WorkerHealth health, TimeProvider clock, ILogger<SyncWorker> logger)
    : BackgroundService
{
    public SyncWorker(Worker worker, TimeProvider clock, ILogger<SyncWorker> logger)
        : this(worker, CycleSchedule.From(worker.Options), new WorkerHealth(CycleSchedule.From(worker.Options), clock), clock, logger)
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        do
        {
            var started = clock.GetUtcNow();
            await RunOneAsync().ConfigureAwait(false);
            var wait = schedule.Next(started) - clock.GetUtcNow();
            if (wait > TimeSpan.Zero && !await DelayAsync(wait, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
        }
        while (!stoppingToken.IsCancellationRequested);
    }

    private async Task RunOneAsync()
    {
        health.CycleStarted();
        await BeatAsync("cycle started").ConfigureAwait(false);
        try
        {
            // Not cancelled by shutdown: the current cycle finishes (the host's shutdown timeout bounds it).
            var result = await worker.Engine.RunCycleAsync(dryRun: false, CancellationToken.None).ConfigureAwait(false);
            health.CycleEnded(result.Summary.ToString(), refused: false);
            await BeatAsync(result.Summary.ToString()).ConfigureAwait(false);
        }
        catch (CrmException ex)
        {
            LogCycleFailed(logger, ex.GetType().Name, ex.Message);
            health.CycleEnded($"failed: {ex.GetType().Name}", refused: ex is CrmAuthenticationException);
            await BeatAsync($"failed: {ex.GetType().Name}").ConfigureAwait(false);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(false);
            return true;
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
