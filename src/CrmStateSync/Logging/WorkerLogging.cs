using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace CrmStateSync.Logging;

/// <summary>
/// Serilog behind Microsoft.Extensions.Logging: readable text on a terminal, compact JSON when the error stream is
/// redirected (a container, a service). Logs go to the error stream so a command's own output stays clean. Every
/// logger built here masks secrets in its events (<see cref="SecretRedaction"/>), whatever the level.
/// </summary>
internal static class WorkerLogging
{
    /// <summary>
    /// The worker's logging from its configuration: a <c>Serilog</c> section (levels, overrides, sinks, enrichers as
    /// Serilog.Settings.Configuration reads them) when present, else the defaults of <see cref="Create(bool, LogEventLevel)"/>.
    /// A section without <c>WriteTo</c> (for example only <c>Serilog:MinimumLevel:Default</c>) keeps the default console.
    /// </summary>
    public static ILoggerFactory Create(IConfiguration configuration, bool json)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!configuration.GetSection("Serilog").Exists())
        {
            return Create(json);
        }

        var settings = new LoggerConfiguration().ReadFrom.Configuration(configuration);
        return Build(configuration.GetSection("Serilog:WriteTo").Exists() ? settings : ToConsole(settings, json));
    }

    public static ILoggerFactory Create(bool json, LogEventLevel minimum = LogEventLevel.Information)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", LogEventLevel.Warning)
            .Enrich.FromLogContext();
        return Build(ToConsole(configuration, json));
    }

    private static LoggerConfiguration ToConsole(LoggerConfiguration configuration, bool json)
    {
        if (json)
        {
            return configuration.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose);
        }

        // On a terminal the log lines and the live progress line take turns (TerminalProgress).
        return TerminalProgress.StandardError is { } line
            ? configuration.WriteTo.Sink(LoggerSinkConfiguration.Wrap(line.Sink, sink => Text(sink, line.SyncRoot)))
            : Text(configuration.WriteTo, null);
    }

    private static LoggerConfiguration Text(LoggerSinkConfiguration sink, object? syncRoot) => sink.Console(
        outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}", standardErrorFromLevel: LogEventLevel.Verbose,
        formatProvider: System.Globalization.CultureInfo.InvariantCulture, syncRoot: syncRoot);

    private static ILoggerFactory Build(LoggerConfiguration configuration)
    {
        var logger = configuration.Enrich.With(new SecretRedaction()).CreateLogger();
        return LoggerFactory.Create(b => b.AddSerilog(logger, dispose: true));
    }
}
