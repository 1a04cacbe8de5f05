using System.CommandLine;
using CrmStateSync.Hosting;

namespace CrmStateSync.Commands;

/// <summary>
/// <c>health [--config FILE] [--max-age TIMESPAN]</c>: a probe for images with no HTTP client (Docker's HEALTHCHECK):
/// healthy when <c>run</c>'s heartbeat file was rewritten within max-age (default three gaps of the schedule). Exits
/// 0 or 1 only, as Docker's HEALTHCHECK requires (it reserves 2).
/// </summary>
internal static class HealthCommand
{
    public static Command Create(TextWriter output, TimeProvider clock)
    {
        var config = new Option<FileInfo?>("--config", "-c") { Description = "appsettings file (default ./appsettings.json), then CRMSTATESYNC_ environment variables" };
        var maxAge = new Option<TimeSpan?>("--max-age") { Description = "How old the heartbeat may be (default: three gaps of Worker:Interval or Worker:Schedule)" };
        var command = new Command("health", "Exit 0 when the running worker's heartbeat file is fresh, 1 otherwise") { config, maxAge };
        command.SetAction(parse => Check(parse.GetValue(config), parse.GetValue(maxAge), output, clock));
        return command;
    }

    private static int Check(FileInfo? config, TimeSpan? maxAge, TextWriter output, TimeProvider clock)
    {
        var problems = new List<string>();
        var options = WorkerConfiguration.Bind<WorkerOptions>(WorkerConfiguration.Load(config?.FullName).GetSection(WorkerOptions.Section), problems);
        problems.AddRange(WorkerScheduleValidation.Problems(options));
        if (options.HeartbeatPath is not { Length: > 0 } path)
        {
            problems.Add($"{WorkerOptions.Section}:HeartbeatPath: required for the health command (the file run rewrites every cycle)");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(output.WriteLine);
            return 1;
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
