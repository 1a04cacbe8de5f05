using CrmStateSync.Logging;
using CrmStateSync.Sync.Progress;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CrmStateSync.Tests.Logging;

/// <summary>issue 13 "Progress": structured events (operation, phase, done, total, rate) at most once per interval.</summary>
public class ProgressLogTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Test(Description = "Progress: nothing before the interval has passed since the operation started, then one event per interval whatever the number of updates")]
    public void Report_ManyUpdates_LogsAtMostOncePerInterval()
    {
        var (clock, logger, progress) = Create();
        progress.Report(ProgressUpdate.Started("sync"));
        for (var second = 1; second <= 35; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            for (var i = 0; i < 100; i++)
            {
                progress.Report(new ProgressUpdate("sync", "evaluate", ((second - 1) * 100) + i + 1, 5_000));
            }
        }

        var events = logger.Information;
        Assert.Multiple(() =>
        {
            Assert.That(events, Has.Count.EqualTo(3), "at 10, 20 and 30 seconds");
            Assert.That(events.Select(e => e["Done"]), Is.EqualTo(new object[] { 901L, 1_901L, 2_901L }));
            Assert.That(events.Select(e => e["Total"]), Is.All.EqualTo(5_000L));
            Assert.That(events.Select(e => (e["Operation"], e["Phase"])), Is.All.EqualTo(((object)"sync", (object)"evaluate")));
        });
    }

    [Test(Description = "Progress: the rate is units per second over the phase so far; a phase without a known total logs no Total")]
    public void Report_ReadWithoutTotal_LogsDoneAndRateWithoutTotal()
    {
        var (clock, logger, progress) = Create();
        progress.Report(ProgressUpdate.Started("sync"));
        progress.Report(new ProgressUpdate("sync", "read accounts", 0, null));
        clock.Advance(TimeSpan.FromSeconds(10));
        progress.Report(new ProgressUpdate("sync", "read accounts", 2_000, null));

        var only = logger.Information.Single();
        Assert.Multiple(() =>
        {
            Assert.That(only["Done"], Is.EqualTo(2_000L));
            Assert.That(only["Rate"], Is.EqualTo(200.0));
            Assert.That(only.ContainsKey("Total"), Is.False);
            Assert.That(logger.Debug.Single()["Phase"], Is.EqualTo("read accounts"), "a phase's start is a Debug event");
        });
    }

    [Test(Description = "Progress: a new run of an operation (a long-running worker's next cycle) starts its own interval; a quick cycle logs no progress")]
    public void Report_QuickCycleAfterAQuietWait_LogsNothing()
    {
        var (clock, logger, progress) = Create();
        progress.Report(ProgressUpdate.Started("sync"));
        progress.Report(ProgressUpdate.Finished("sync"));
        clock.Advance(TimeSpan.FromMinutes(15));
        progress.Report(ProgressUpdate.Started("sync"));
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(new ProgressUpdate("sync", "evaluate", 10, 10));
        progress.Report(ProgressUpdate.Finished("sync"));

        Assert.That(logger.Information, Is.Empty);
    }

    [Test(Description = "Progress: work over a file logs accounts done and the bytes read of the file's size")]
    public void Report_OverAFile_LogsBytesReadOfTheFileSize()
    {
        var (clock, logger, progress) = Create();
        progress.Report(ProgressUpdate.Started("evaluate"));
        clock.Advance(TimeSpan.FromSeconds(10));
        progress.Report(new ProgressUpdate("evaluate", "evaluate", 40_000, null) { BytesRead = 1_000_000, BytesTotal = 4_000_000 });

        var only = logger.Information.Single();
        Assert.Multiple(() =>
        {
            Assert.That(only["Done"], Is.EqualTo(40_000L));
            Assert.That(only["BytesRead"], Is.EqualTo(1_000_000L));
            Assert.That(only["BytesTotal"], Is.EqualTo(4_000_000L));
        });
    }

    [Test(Description = "Progress: interval zero turns the events off")]
    public void Report_IntervalZero_LogsNoProgressEvent()
    {
        var (clock, logger, progress) = Create(TimeSpan.Zero);
        progress.Report(ProgressUpdate.Started("backfill"));
        clock.Advance(TimeSpan.FromMinutes(1));
        progress.Report(new ProgressUpdate("backfill", "replay", 10, 100));

        Assert.That(logger.Information, Is.Empty);
    }

    private static (FakeTimeProvider Clock, CapturingLogger Logger, ProgressLog Progress) Create(TimeSpan? interval = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var logger = new CapturingLogger();
        return (clock, logger, new ProgressLog(logger, clock, interval ?? Interval, terminal: null));
    }

    /// <summary>Keeps each event's structured properties (the LoggerMessage state), by level.</summary>
    private sealed class CapturingLogger : ILogger
    {
        private readonly List<(LogLevel Level, Dictionary<string, object?> Properties)> _events = [];

        public List<Dictionary<string, object?>> Information => [.. _events.Where(e => e.Level == LogLevel.Information).Select(e => e.Properties)];

        public List<Dictionary<string, object?>> Debug => [.. _events.Where(e => e.Level == LogLevel.Debug).Select(e => e.Properties)];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
            _events.Add((logLevel, properties));
        }
    }
}
