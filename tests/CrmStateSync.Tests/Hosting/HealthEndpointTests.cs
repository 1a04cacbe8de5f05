using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CrmStateSync.Hosting;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmStateSync.Tests.Hosting;

/// <summary>run's health endpoint, through the real host against the sandbox, and the health command for images without an HTTP client.</summary>
public class HealthEndpointTests
{
    [Test]
    public async Task Run_WithHealthUrls_ServesLiveAndReadyOnceACycleCompleted()
    {
        await using var sandbox = new SandboxServer();
        sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 5 }));
        await sandbox.StartAsync();
        using var folder = new TempFolder();
        var port = FreePort();
        var configuration = WorkerConfiguration.Load(WriteConfig(folder, sandbox, $"http://127.0.0.1:{port}"));
        var (options, rules, problems) = WorkerConfiguration.Validate(configuration);
        Assert.That(problems, Is.Empty);
        await using var worker = await Worker.StartAsync(configuration, options, rules!, NullLoggerFactory.Instance, TimeProvider.System, CancellationToken.None);
        using var stop = StopSignal.Manual(options.ShutdownTimeout, NullLogger.Instance);
        using var host = WorkerHost.Build(worker, NullLoggerFactory.Instance, TimeProvider.System, stop);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        await host.StartAsync();
        var ready = await PollAsync(http, "/health/ready", HttpStatusCode.OK);
        var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        var other = await http.GetAsync(new Uri("/", UriKind.Relative));
        await host.StopAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ready, Does.StartWith("a cycle completed; ok: read"));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await live.Content.ReadAsStringAsync(), Does.StartWith("last beat"));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nothing but the two probes is served");
        }
    }

    [Test]
    public void Health_FreshHeartbeat_ExitsZero_StaleOrMissing_ExitsOne()
    {
        using var folder = new TempFolder();
        var heartbeat = Path.Combine(folder.Path, "heartbeat");
        var config = folder.Write("appsettings.json", JsonSerializer.Serialize(new { Worker = new { Interval = "00:10:00", HeartbeatPath = heartbeat } }));
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var clock = new FixedClock(now);

        var missing = CommandRun.Of(clock, "health", "--config", config);
        File.WriteAllText(heartbeat, "beat");
        File.SetLastWriteTimeUtc(heartbeat, now.AddMinutes(-29).UtcDateTime);
        var fresh = CommandRun.Of(clock, "health", "--config", config);
        File.SetLastWriteTimeUtc(heartbeat, now.AddMinutes(-31).UtcDateTime);
        var stale = CommandRun.Of(clock, "health", "--config", config);
        var stricter = CommandRun.Of(clock, "health", "--config", config, "--max-age", "00:40:00");

        Assert.Multiple(() =>
        {
            Assert.That((missing.ExitCode, missing.Output), Is.EqualTo((1, $"unhealthy: no heartbeat at {heartbeat} (has run started a cycle?){Environment.NewLine}")));
            Assert.That((fresh.ExitCode, fresh.Output.Trim()), Is.EqualTo((0, "healthy: heartbeat 1740s old (limit 1800s)")));
            Assert.That((stale.ExitCode, stale.Output.Trim()), Is.EqualTo((1, "unhealthy: heartbeat 1860s old (limit 1800s)")));
            Assert.That(stricter.ExitCode, Is.Zero, "--max-age overrides three intervals");
        });
    }

    [Test]
    public void Health_NoHeartbeatPathConfigured_ExitsTwoNamingTheKeyOnStderr()
    {
        using var folder = new TempFolder();
        var config = folder.Write("appsettings.json", """{ "Worker": { "Interval": "00:10:00" } }""");

        var run = CommandRun.Of("health", "--config", config);

        // Misconfigured is not stale: 2, as every command's configuration error (Docker counts any code but 0 as unhealthy).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("  - Worker:HeartbeatPath: required for the health command (the file run rewrites every cycle)"));
            Assert.That(run.Output, Is.Empty);
        }
    }

    private static string WriteConfig(TempFolder folder, SandboxServer sandbox, string healthUrls) =>
        SandboxWorkerConfig.Write(
            folder, sandbox, new { Provider = "salesforce", OrgId = "00Dsandbox", DatabasePath = Path.Combine(folder.Path, "state.db"), Interval = "00:05:00", HealthUrls = healthUrls });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> PollAsync(HttpClient http, string path, HttpStatusCode wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), timeout.Token);
                if (response.StatusCode == wanted)
                {
                    return await response.Content.ReadAsStringAsync(timeout.Token);
                }
            }
            catch (HttpRequestException)
            {
                // Kestrel not listening yet.
            }

            await Task.Delay(100, timeout.Token);
        }
    }
}
