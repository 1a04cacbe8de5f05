using System.Text.Json;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Tests.Crash;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Logging;

/// <summary>
/// issue 13 item 3, "One logging configuration for every command": the <c>Serilog</c> section of the configuration file
/// and <c>CRMSTATESYNC_Serilog__…</c> variables set the level of <c>sync</c>, <c>backfill</c>, <c>run</c> and
/// <c>schema check</c> alike, each run as the real executable against the sandbox. Debug shows the CRM calls (a Debug
/// event of the connector pipeline); Warning hides each command's Information events.
/// </summary>
public class OneLoggingConfigurationTests
{
    [TestCase("sync")]
    [TestCase("backfill")]
    [TestCase("run")]
    [TestCase("schema")]
    public async Task Command_SerilogDefaultDebugFromEnvironment_LogsDebugEvents(string command)
    {
        var (exitCode, standardError, printed) = await RunAsync(command, null, new() { ["CRMSTATESYNC_Serilog__MinimumLevel__Default"] = "Debug" });

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, printed);
            Assert.That(standardError, Does.Contain("\"@l\":\"Debug\"").And.Contain("CRM {Method} {Path}"), $"{command} honoured CRMSTATESYNC_Serilog__MinimumLevel__Default=Debug");
        });
    }

    [TestCase("sync")]
    [TestCase("backfill")]
    [TestCase("run")]
    [TestCase("schema")]
    public async Task Command_SerilogSectionWarning_LogsNoInformationEvent(string command)
    {
        var (exitCode, standardError, printed) = await RunAsync(command, new { MinimumLevel = new { Default = "Warning" } }, []);

        var information = ProgressEventsTests.Events(standardError).Where(e => !e.TryGetProperty("@l", out _)).Select(e => e.GetProperty("@mt").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, printed);
            Assert.That(information, Is.Empty, $"{command} honoured the file's Serilog:MinimumLevel:Default=Warning");
        });
    }

    [Test(Description = "The control: without a Serilog section every command logs Information (the summary event), not Debug")]
    public async Task Sync_NoSerilogSection_LogsInformationNotDebug()
    {
        var (exitCode, standardError, printed) = await RunAsync("sync", null, []);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, printed);
            Assert.That(standardError, Does.Contain("Sync cycle").And.Not.Contain("\"@l\":\"Debug\""));
        });
    }

    /// <summary>Runs the command to its end (<c>run</c>: until its first cycle ended, then SIGTERM).</summary>
    private static async Task<(int ExitCode, string StandardError, string Printed)> RunAsync(string command, object? serilog, Dictionary<string, string> environment)
    {
        await using var sandbox = new SandboxServer();
        sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 20 }));
        await sandbox.StartAsync();
        using var folder = new TempFolder();
        var heartbeat = Path.Combine(folder.Path, "heartbeat");
        var config = Config(folder, sandbox, heartbeat, serilog);
        string[] args = command switch
        {
            "sync" => ["sync", "--once", "--config", config],
            "schema" => ["schema", "check", "--config", config],
            _ => [command, "--config", config],
        };
        using var process = WorkerProcess.Start(environment, args);
        if (command == "run")
        {
            Assert.That(await CycleEndedAsync(heartbeat), Is.True, () => "the first cycle did not end:" + System.Environment.NewLine + process.Printed);
            await process.SignalAsync("TERM");
        }

        var exitCode = await process.WaitAsync();
        return (exitCode, process.StandardError, process.Printed);
    }

    /// <summary>The heartbeat says a cycle ended (it holds the summary line) — without reading the logs the test varies.</summary>
    private static async Task<bool> CycleEndedAsync(string heartbeat)
    {
        var until = DateTime.UtcNow + WorkerProcess.Timeout;
        while (DateTime.UtcNow < until)
        {
            if (File.Exists(heartbeat) && (await ReadSharedAsync(heartbeat)).Contains(": read ", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        try
        {
            return await File.ReadAllTextAsync(path);
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static string Config(TempFolder folder, SandboxServer sandbox, string heartbeat, object? serilog)
    {
        var worker = new { Provider = "salesforce", OrgId = "org-one-logging", DatabasePath = Path.Combine(folder.Path, "state.db"), HeartbeatPath = heartbeat };
        var crm = new { Salesforce = new { LoginUrl = sandbox.Url.ToString(), ClientId = sandbox.Options.SalesforceClientId, ClientSecret = sandbox.Options.SalesforceClientSecret } };
        return folder.Write("appsettings.json", serilog is null
            ? JsonSerializer.Serialize(new { Worker = worker, Crm = crm })
            : JsonSerializer.Serialize(new { Worker = worker, Crm = crm, Serilog = serilog }));
    }
}
