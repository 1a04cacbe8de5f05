using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CrmStateSync.Tests.Crash;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Logging;

/// <summary>
/// Issue 13 item 4: against an unreachable CRM, each retry is one warning line without a stack trace (Polly's events,
/// which carry it, show at Debug/Verbose only), and the useful line ends the output.
/// </summary>
public class UnreachableCrmLoggingTests
{
    [Test]
    public async Task SyncOnce_CrmPortClosed_OneLinePerAttemptNoStackTraceThenTheReason()
    {
        using var folder = new TempFolder();
        var closed = ClosedPort();
        var config = folder.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            Worker = new { Provider = "salesforce", OrgId = "00Dunreachable", DatabasePath = Path.Combine(folder.Path, "state.db") },
            Crm = new { Salesforce = new { LoginUrl = $"http://127.0.0.1:{closed}", ClientId = "client", ClientSecret = "not-used-secret", Resilience = new { RetryBaseDelay = "00:00:00.01" } } },
        }));

        using var sync = WorkerProcess.Start(new Dictionary<string, string>(), "sync", "--once", "--config", config);
        var exitCode = await sync.WaitAsync();
        var lines = sync.Printed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(ExitCodes.CrmUnreachable), sync.Printed);
            // The default 4 retries: five attempts, one warning each, and the reason.
            Assert.That(lines, Has.Length.EqualTo(6), sync.Printed);
            Assert.That(lines.Take(5), Has.All.Contains("CRM {Method} {Path} failed after").And.All.Contains("\"@l\":\"Warning\""));
            Assert.That(sync.Printed, Does.Not.Contain("\"@x\"").And.Not.Contain("   at "), "no stack trace at the default level");
            Assert.That(lines[^1], Is.EqualTo($"the CRM could not be reached: Salesforce's token endpoint http://127.0.0.1:{closed} could not be reached: Connection refused (127.0.0.1:{closed})"));
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
