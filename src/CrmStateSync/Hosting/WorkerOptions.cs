using CrmStateSync.AdminConsole;

namespace CrmStateSync.Hosting;

/// <summary>The worker itself (<c>Worker</c> section): which org, where its state lives, how often it runs.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary><c>salesforce</c> or <c>hubspot</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>The org this worker serves (Salesforce org id, HubSpot portal id): the SQLite file is tied to it.</summary>
    public string? OrgId { get; set; }

    /// <summary>The SQLite file. Default <c>state/crmstatesync.db</c>.</summary>
    public string DatabasePath { get; set; } = "state/crmstatesync.db";

    /// <summary>Time between cycles of <c>run</c>. Default 15 minutes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// A cron expression (5 fields, or 6 with seconds) for <c>run</c>'s cycles, e.g. <c>0 6 * * 1-5</c>; when set it
    /// replaces <see cref="Interval"/>. Default none.
    /// </summary>
    public string? Schedule { get; set; }

    /// <summary>The time zone <see cref="Schedule"/> is read in (IANA id). Default <c>UTC</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>A file rewritten at the start and end of every cycle of <c>run</c>, for a container probe. Null = none.</summary>
    public string? HeartbeatPath { get; set; }

    /// <summary>
    /// Where <c>run</c> serves <c>/health/live</c> and <c>/health/ready</c>, e.g. <c>http://0.0.0.0:8080</c>
    /// (several separated by <c>;</c>). Null = no endpoint.
    /// </summary>
    public string? HealthUrls { get; set; }

    /// <summary>
    /// How long a stop (Ctrl+C, SIGTERM) waits for the cycle in progress to finish its current chunk's writes and
    /// journal; after it the calls in flight are cancelled and the process exits with 128 + the signal's number. Keep it
    /// below the orchestrator's own grace period (Kubernetes: 30 s, Docker: 10 s). Default 30 seconds.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a long command (<c>sync</c>, <c>run</c>'s cycles, <c>backfill</c>) logs a progress event (phase, done,
    /// total, rate) while it works; at most one per interval. Zero turns the events off (a terminal still shows its live
    /// line). Default 10 seconds.
    /// </summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The admin console (<c>Worker:Console</c>): off in <c>run</c> until its <c>Url</c> is set.</summary>
    public ConsoleOptions Console { get; set; } = new();

    public IEnumerable<string> Validate()
    {
        if (Provider is not ("salesforce" or "hubspot"))
        {
            yield return $"{Section}:Provider: '{Provider}' is not salesforce or hubspot";
        }

        if (string.IsNullOrWhiteSpace(OrgId))
        {
            yield return $"{Section}:OrgId: required (the org this worker serves; its SQLite file is tied to it)";
        }

        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            yield return $"{Section}:DatabasePath: required";
        }

        if (Interval < TimeSpan.FromSeconds(10))
        {
            yield return $"{Section}:Interval: at least 10 seconds (was {Interval})";
        }

        if (ProgressInterval < TimeSpan.Zero || ProgressInterval > TimeSpan.FromHours(1))
        {
            yield return $"{Section}:ProgressInterval: between 0 (off) and 1 hour (was {ProgressInterval})";
        }

        if (ShutdownTimeout < TimeSpan.FromSeconds(1))
        {
            yield return $"{Section}:ShutdownTimeout: at least 1 second (was {ShutdownTimeout})";
        }

        foreach (var problem in WorkerScheduleValidation.Problems(this))
        {
            yield return problem;
        }

        // Who may sign in matters only where a console is served: `run` with a Url here, or the console command.
        foreach (var problem in Console.Url is { Length: > 0 } ? Console.Validate() : [])
        {
            yield return problem;
        }
    }
}
