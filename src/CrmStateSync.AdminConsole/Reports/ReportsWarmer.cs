using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.AdminConsole.Reports;

/// <summary>
/// Computes the reports before anyone asks: at the console's start and soon after each run finishes (it looks every
/// <see cref="Every"/>). At a million transitions a computation takes seconds (5.9 s in the scale run), which the first
/// admin to open the page after a cycle would otherwise wait for; warmed, the page serves the cached fragment.
/// </summary>
public sealed partial class ReportsWarmer(ReportsCache cache, TimeProvider clock, ILogger<ReportsWarmer> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                await cache.GetAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The page computes them itself and shows its own error; a store mid-migration must not stop the console.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console: computing the reports ahead of a request failed; the page will compute them when asked")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
