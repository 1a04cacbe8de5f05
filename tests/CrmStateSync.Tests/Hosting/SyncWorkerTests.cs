using CrmStateSync.Hosting;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CrmStateSync.Tests.Hosting;

/// <summary>sync.md `run`: a cycle every interval, a heartbeat at the start and end of each, a graceful stop.</summary>
public class SyncWorkerTests
{
    [Test]
    public async Task Run_CycleEveryInterval_WritesTheHeartbeatAndStopsGracefully()
    {
        await using var sandbox = new SandboxServer();
        sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 8 }));
        await sandbox.StartAsync();
        using var folder = new TempFolder();
        var heartbeat = Path.Combine(folder.Path, "heartbeat");
        var config = SandboxWorkerConfig.Write(
            folder, sandbox, new { Provider = "salesforce", OrgId = "00Dsandbox", DatabasePath = Path.Combine(folder.Path, "state.db"), Interval = "00:05:00", HeartbeatPath = heartbeat });
        var configuration = WorkerConfiguration.Load(config);
        var (options, rules, problems) = WorkerConfiguration.Validate(configuration);
        Assert.That(problems, Is.Empty);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var worker = await Worker.StartAsync(configuration, options, rules!, NullLoggerFactory.Instance, clock, CancellationToken.None);
        using var service = new SyncWorker(worker, clock, NullLogger<SyncWorker>.Instance);

        await service.StartAsync(CancellationToken.None);
        var first = await WaitForAsync(heartbeat, text => text.Contains("ok: read", StringComparison.Ordinal));
        clock.Advance(TimeSpan.FromMinutes(5));
        var second = await WaitForAsync(heartbeat, text => text != first && text.Contains("ok: read", StringComparison.Ordinal));
        await service.StopAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(first, Does.StartWith("2026-11-23T12:00:00").And.Contain("ok: read").And.Match(@"written [1-9]"));
            Assert.That(second, Does.StartWith("2026-11-23T12:05:00").And.Contain("written 0,"), "the second cycle, one interval later, had nothing to write");
            Assert.That(service.ExecuteTask!.IsCompletedSuccessfully, Is.True, "stopped gracefully");
            Assert.That(RunRowCalls(Path.Combine(folder.Path, "state.db")), Is.EqualTo(new[] { Calls(first), Calls(second) }), "each run row holds its own cycle's calls");
            Assert.That(Calls(second), Is.LessThan(Calls(first)), "the second cycle's count starts from zero, not from the process start");
        });
    }

    private static long Calls(string heartbeat) =>
        long.Parse(System.Text.RegularExpressions.Regex.Match(heartbeat, @"API calls (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static long[] RunRowCalls(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT api_calls FROM runs ORDER BY id";
        using var reader = command.ExecuteReader();
        var calls = new List<long>();
        while (reader.Read())
        {
            calls.Add(reader.GetInt64(0));
        }

        return [.. calls];
    }

    /// <summary>Waits (bounded) for the heartbeat file to hold a line the predicate accepts.</summary>
    private static async Task<string> WaitForAsync(string path, Func<string, bool> accept)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (File.Exists(path) && await File.ReadAllTextAsync(path) is { Length: > 0 } text && accept(text))
            {
                return text;
            }

            await Task.Delay(50, timeout.Token);
        }
    }
}
