using CrmStateSync.Hosting;

namespace CrmStateSync.Tests.Hosting;

/// <summary>sync.md "schedule": run's cycles every interval (start to start) or on a cron expression in a time zone.</summary>
public class CycleScheduleTests
{
    private static readonly DateTimeOffset Monday0500Utc = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

    [Test]
    public void Next_Interval_IsStartToStart()
    {
        var schedule = CycleSchedule.From(new WorkerOptions { Interval = TimeSpan.FromMinutes(15) });

        Assert.Multiple(() =>
        {
            Assert.That(schedule.Next(Monday0500Utc), Is.EqualTo(Monday0500Utc.AddMinutes(15)));
            Assert.That(schedule.Gap(Monday0500Utc), Is.EqualTo(TimeSpan.FromMinutes(15)));
        });
    }

    [Test]
    public void Next_CronOnWeekdaysInBerlin_IsSixOClockLocalTime()
    {
        // 06:00 in Berlin is 05:00 UTC in winter: a cycle starting exactly then is followed by Tuesday's.
        var schedule = CycleSchedule.From(new WorkerOptions { Schedule = "0 6 * * 1-5", TimeZone = "Europe/Berlin" });

        Assert.Multiple(() =>
        {
            Assert.That(schedule.Next(Monday0500Utc.AddMinutes(-1)), Is.EqualTo(Monday0500Utc));
            Assert.That(schedule.Next(Monday0500Utc), Is.EqualTo(Monday0500Utc.AddDays(1)));
            Assert.That(schedule.Next(Monday0500Utc.AddDays(4)), Is.EqualTo(Monday0500Utc.AddDays(7)), "Friday's cycle is followed by Monday's");
        });
    }

    [Test]
    public void Gap_CronEveryTenMinutes_IsTenMinutes()
    {
        var schedule = CycleSchedule.From(new WorkerOptions { Schedule = "*/10 * * * *" });

        Assert.That(schedule.Gap(Monday0500Utc), Is.EqualTo(TimeSpan.FromMinutes(10)));
    }

    [Test]
    public void Validate_BadScheduleTimeZoneAndHealthUrl_ListsEachWithItsKey()
    {
        var options = new WorkerOptions { Provider = "salesforce", OrgId = "00D", Schedule = "every day at six", TimeZone = "Mars/Olympus", HealthUrls = "https://0.0.0.0:8080;nonsense" };

        var problems = options.Validate().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(problems, Has.One.StartsWith("Worker:Schedule: 'every day at six' is not a cron expression"));
            Assert.That(problems, Has.One.StartsWith("Worker:TimeZone: 'Mars/Olympus'"));
            Assert.That(problems.Count(p => p.StartsWith("Worker:HealthUrls:", StringComparison.Ordinal)), Is.EqualTo(2));
        });
    }

    [Test]
    public void Validate_SixFieldCronWithSeconds_IsAccepted()
    {
        var options = new WorkerOptions { Provider = "salesforce", OrgId = "00D", Schedule = "30 0 6 * * *", HealthUrls = "http://127.0.0.1:8080" };

        Assert.That(options.Validate(), Is.Empty);
    }
}
