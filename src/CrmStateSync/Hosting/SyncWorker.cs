using System.Globalization;
using CrmStateSync.Crm.Contract;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Hosting;

/// <summary>
/// The long-running worker: a cycle on its <see cref="CycleSchedule"/> (every interval, or on a cron expression). A
/// cycle in progress when shutdown is asked finishes its current chunk's writes and journal, is recorded as
/// <c>stopped</c>, and the next start resumes the rest; past <see cref="WorkerOptions.ShutdownTimeout"/> its calls in
/// flight are cancelled (its writes are journaled either way, so even a hard kill loses nothing). A cycle that fails
/// because the CRM is down or the budget is spent is logged and the next one resumes. The heartbeat file (if configured) is rewritten when a cycle starts and when it ends, for a container
/// probe; <see cref="WorkerHealth"/> tells the health endpoint the same.
/// </summary>
internal sealed partial class SyncWorker(Worker worker, CycleSchedule schedule, WorkerHealth health, StopSignal? stop, TimeProvider clock, ILogger<SyncWorker> logger)
    : BackgroundService
{
    public SyncWorker(Worker worker, TimeProvider clock, ILogger<SyncWorker> logger)
        : this(worker, CycleSchedule.From(worker.Options), new WorkerHealth(CycleSchedule.From(worker.Options), clock), null, clock, logger)
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = worker.Options;
        LogStarted(logger, options.OrgId, options.Provider, options.Schedule is { Length: > 0 } ? $"on schedule '{options.Schedule}' ({options.TimeZone})" : $"every {options.Interval}", options.HealthUrls ?? "none");
        try
        {
            do
            {
                var started = clock.GetUtcNow();
                await RunOneAsync(stoppingToken).ConfigureAwait(false);
                var next = schedule.Next(started);
                health.Waiting(next);
                var wait = next - clock.GetUtcNow();
                if (wait > TimeSpan.Zero && !await DelayAsync(wait, stoppingToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            while (!stoppingToken.IsCancellationRequested);
        }
        finally
        {
            LogStopped(logger, stop?.Reason ?? "the host stopped");
        }
    }

    private async Task RunOneAsync(CancellationToken stoppingToken)
    {
        health.CycleStarted();
        await BeatAsync("cycle started").ConfigureAwait(false);
        try
        {
            // A stop is looked at between chunks; only the shutdown timeout cancels the calls in flight.
            var result = await worker.Engine.RunCycleAsync(stoppingToken, stop?.Aborted ?? CancellationToken.None).ConfigureAwait(false);
            health.CycleEnded(result.Summary.ToString(), refused: false);
            await BeatAsync(result.Summary.ToString()).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop is { Aborted.IsCancellationRequested: true })
        {
            LogCut(logger, worker.Options.ShutdownTimeout);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker started: org {OrgId}, provider {Provider}, a cycle {Cadence}, health endpoint {HealthUrls}")]
    private static partial void LogStarted(ILogger logger, string? orgId, string? provider, string cadence, string healthUrls);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker stopped ({Reason}); the next start resumes where it left off")]
    private static partial void LogStopped(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cycle did not reach a chunk boundary within Worker:ShutdownTimeout ({Timeout}): its calls in flight were cancelled; its writes are journaled and the next start resumes")]
    private static partial void LogCut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync cycle failed ({Kind}): {Message}; the next cycle resumes")]
    private static partial void LogCycleFailed(ILogger logger, string kind, string message);
}
