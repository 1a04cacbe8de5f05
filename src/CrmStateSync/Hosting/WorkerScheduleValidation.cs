using Cronos;

namespace CrmStateSync.Hosting;

/// <summary>The schedule, time zone and health endpoint settings of <see cref="WorkerOptions"/>, checked at start.</summary>
internal static class WorkerScheduleValidation
{
    public static IEnumerable<string> Problems(WorkerOptions options)
    {
        const string section = WorkerOptions.Section;
        if (options.Schedule is { Length: > 0 } cron && CronProblem(cron) is { } cronProblem)
        {
            yield return $"{section}:Schedule: '{cron}' is not a cron expression ({cronProblem})";
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out _))
        {
            yield return $"{section}:TimeZone: '{options.TimeZone}' is not a known time zone (use an IANA id such as Europe/Berlin)";
        }

        foreach (var url in (options.HealthUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                yield return $"{section}:HealthUrls: '{url}' is not an http:// address with a port (e.g. http://0.0.0.0:8080)";
            }
        }
    }

    private static string? CronProblem(string cron)
    {
        try
        {
            _ = CycleSchedule.ParseCron(cron);
            return null;
        }
        catch (CronFormatException ex)
        {
            return ex.Message;
        }
    }
}
