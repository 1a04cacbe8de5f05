using System.CommandLine;
using System.CommandLine.Parsing;
using CrmStateSync.Configuration;
using CrmStateSync.Hosting;

namespace CrmStateSync.Commands;

/// <summary>
/// <c>health [--config FILE] [--max-age TIMESPAN]</c>: a probe for images with no HTTP client (Docker's HEALTHCHECK):
/// healthy when <c>run</c>'s heartbeat file was rewritten within max-age (default three gaps of the schedule). Exits
/// 0 (healthy) or 1 (stale or missing heartbeat), as Docker's HEALTHCHECK reads them. A configuration it cannot use (a
/// missing or invalid file, a bad key) exits 2 with the problems on stderr, as every command does: Docker counts any
/// code but 0 as unhealthy, and an operator running it by hand can tell "stale" from "misconfigured".
/// </summary>
internal static class HealthCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var config = new Option<FileInfo?>("--config", "-c") { Description = "appsettings file (default ./appsettings.json), then CRMSTATESYNC_ environment variables" };
        var maxAge = new Option<TimeSpan?>("--max-age")
        {
            Description = "How old the heartbeat may be: 90s, 15m, 1h, hh:mm:ss (default: three gaps of Worker:Interval or Worker:Schedule)",
            CustomParser = ParseDuration,
        };
        var command = new Command("health", "Exit 0 when the running worker's heartbeat file is fresh, 1 otherwise") { config, maxAge };
        command.SetAction(parse => Check(parse.GetValue(config), parse.GetValue(maxAge), output, error, clock));
        return command;
    }

    private static TimeSpan? ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Durations.TryParse(text, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        result.AddError($"--max-age: '{text}' is not {Durations.Forms}, above zero");
        return null;
    }

    private static int Check(FileInfo? config, TimeSpan? maxAge, TextWriter output, TextWriter error, TimeProvider clock)
    {
        var section = WorkerConfiguration.Load(config?.FullName).GetSection(WorkerOptions.Section);
        var problems = ConfigurationCheck.Problems(section, typeof(WorkerOptions));
        var options = WorkerConfiguration.Bind<WorkerOptions>(section, problems);
        problems.AddRange(WorkerScheduleValidation.Problems(options));
        if (options.HeartbeatPath is not { Length: > 0 } path)
        {
            problems.Add($"{WorkerOptions.Section}:HeartbeatPath: required for the health command (the file run rewrites every cycle)");
        }

        if (problems.Count > 0)
        {
            return Failures.Problems(problems, error);
        }

        var file = new FileInfo(Path.GetFullPath(options.HeartbeatPath!));
        var now = clock.GetUtcNow();
        var limit = maxAge ?? 3 * CycleSchedule.From(options).Gap(now);
        if (!file.Exists)
        {
            output.WriteLine($"unhealthy: no heartbeat at {file.FullName} (has run started a cycle?)");
            return 1;
        }

        var age = now - new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
        output.WriteLine($"{(age <= limit ? "healthy" : "unhealthy")}: heartbeat {age.TotalSeconds:0}s old (limit {limit.TotalSeconds:0}s)");
        return age <= limit ? 0 : 1;
    }
}
