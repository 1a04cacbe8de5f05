using Cronos;

namespace CrmStateSync.Hosting;

/// <summary>When <c>run</c> starts its cycles: every <see cref="WorkerOptions.Interval"/>, or on a cron expression.</summary>
internal abstract class CycleSchedule
{
    /// <summary>When the cycle after one that started at <paramref name="lastStart"/> should start.</summary>
    public abstract DateTimeOffset Next(DateTimeOffset lastStart);

    /// <summary>The usual time between two cycles (the health check's yardstick for "stale").</summary>
    public abstract TimeSpan Gap(DateTimeOffset around);

    public static CycleSchedule From(WorkerOptions options) =>
        options.Schedule is { Length: > 0 } cron
            ? new CronSchedule(ParseCron(cron), TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone))
            : new IntervalSchedule(options.Interval);

    internal static CronExpression ParseCron(string cron) =>
        CronExpression.Parse(cron, cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);

    /// <summary>Start to start, so a cycle's own length does not drift the schedule.</summary>
    private sealed class IntervalSchedule(TimeSpan interval) : CycleSchedule
    {
        public override DateTimeOffset Next(DateTimeOffset lastStart) => lastStart + interval;

        public override TimeSpan Gap(DateTimeOffset around) => interval;
    }

    /// <summary>A cron expression in a time zone (daylight saving handled by Cronos).</summary>
    private sealed class CronSchedule(CronExpression cron, TimeZoneInfo zone) : CycleSchedule
    {
        public override DateTimeOffset Next(DateTimeOffset lastStart) =>
            cron.GetNextOccurrence(lastStart, zone) ?? throw new InvalidOperationException("The cron expression has no next occurrence");

        public override TimeSpan Gap(DateTimeOffset around)
        {
            var next = Next(around);
            return Next(next) - next;
        }
    }
}
