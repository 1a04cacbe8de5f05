using CrmStateSync.AdminConsole.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Hosting;

/// <summary>
/// The host <c>run</c> runs: the <see cref="SyncWorker"/>, and when <see cref="WorkerOptions.HealthUrls"/> is set a
/// Kestrel endpoint with <c>/health/live</c> and <c>/health/ready</c> for container probes (nothing else is served).
/// </summary>
internal static class WorkerHost
{
    /// <summary>
    /// What the host adds to <see cref="WorkerOptions.ShutdownTimeout"/>: once that has passed the stop cancels the cycle's
    /// calls in flight, and the cycle gets this long to unwind before the host stops waiting for it.
    /// </summary>
    public static readonly TimeSpan UnwindMargin = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The host of <c>run</c>; <paramref name="stop"/> tells the worker why it stops and when to cut the cycle, and
    /// <paramref name="stageModel"/> is the stage model the console's reports read the history with (<c>Rules:StageModel</c>;
    /// rules.md's when null).
    /// </summary>
    public static IHost Build(Worker worker, ILoggerFactory logging, TimeProvider clock, StopSignal stop, Reports.ReportStageModel? stageModel = null)
    {
        var schedule = CycleSchedule.From(worker.Options);
        var health = new WorkerHealth(schedule, clock);
        if (worker.Options.HealthUrls is not { Length: > 0 } urls)
        {
            var builder = Host.CreateApplicationBuilder();
            AddWorker(builder.Services, builder.Logging, worker, (schedule, health, stop), logging, clock, stageModel);
            return builder.Build();
        }

        // The empty builder reads no appsettings or environment of its own: the worker's configuration stays the only one.
        var web = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        web.WebHost.UseKestrelCore().UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        web.Services.AddRoutingCore();
        AddWorker(web.Services, web.Logging, worker, (schedule, health, stop), logging, clock, stageModel);
        var app = web.Build();
        app.MapGet("/health/live", () => Answer(health.Live()));
        app.MapGet("/health/ready", () => Answer(health.Ready()));
        return app;
    }

    private static void AddWorker(
        IServiceCollection services, ILoggingBuilder loggingBuilder, Worker worker, (CycleSchedule, WorkerHealth, StopSignal) parts, ILoggerFactory logging, TimeProvider clock,
        Reports.ReportStageModel? stageModel)
    {
        var (schedule, health, stop) = parts;
        loggingBuilder.ClearProviders();
        services.AddSingleton(logging);
        services.AddSingleton(worker);
        services.AddSingleton(schedule);
        services.AddSingleton(health);
        services.AddSingleton(clock);
        services.AddSingleton(stop);
        services.AddHostedService<SyncWorker>();
        if (worker.Options.Console.Url is { Length: > 0 })
        {
            // After the worker, whose start opens (and migrates) the store the console reads.
            var site = new ConsoleSite(worker.Options.Console, Path.GetFullPath(worker.Options.DatabasePath), worker.Options.OrgId!, worker.Options.Provider!, clock, logging, health)
            {
                Rules = worker.Rules,
                StageModel = stageModel ?? Reports.ReportStageModel.Default,
            };
            services.AddHostedService(_ => new ConsoleService(site));
        }

        services.Configure<HostOptions>(o => o.ShutdownTimeout = worker.Options.ShutdownTimeout + UnwindMargin);
    }

    private static IResult Answer(HealthReport report) =>
        Results.Text(report.Detail, "text/plain", statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
}
