using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Hosting;

/// <summary>
/// Issue 13 item 4: a port already in use (a second sandbox, as the guide leads you to; a second worker's health
/// endpoint) is one line naming the address and what to do, exit 2 — not "a bug" with a stack trace.
/// </summary>
public class PortInUseTests
{
    private TcpListener _taken = null!;
    private int _port;

    [SetUp]
    public void SetUp()
    {
        _taken = new TcpListener(IPAddress.Loopback, 0);
        _taken.Start();
        _port = ((IPEndPoint)_taken.LocalEndpoint).Port;
    }

    [TearDown]
    public void TearDown() => _taken.Dispose();

    [Test]
    public void Sandbox_PortInUse_OneLineNamingTheAddressExitsTwo()
    {
        using var folder = new TempFolder();

        var run = CommandRun.Of("sandbox", "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--accounts", "1", "--write-config", Path.Combine(folder.Path, "sandbox.json"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Is.EqualTo($"--port: 127.0.0.1:{_port} is already in use by another process; is a sandbox already running? Stop it (Ctrl+C), or pick another port (--port 0 picks a free one){Environment.NewLine}"));
            Assert.That(run.Output, Is.Empty);
            Assert.That(File.Exists(Path.Combine(folder.Path, "sandbox.json")), Is.False, "no configuration for a sandbox that is not there");
        }
    }

    [Test]
    public void Run_HealthUrlsInUse_OneLineNamingTheAddressExitsTwoBeforeAnyCycle()
    {
        using var folder = new TempFolder();
        var url = $"http://127.0.0.1:{_port}";
        // No CRM listens at the login URL: the check comes before the schema check's first call.
        var config = folder.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            Worker = new { Provider = "salesforce", OrgId = "00Dbusy", DatabasePath = Path.Combine(folder.Path, "state.db"), HealthUrls = url },
            Crm = new { Salesforce = new { LoginUrl = "http://127.0.0.1:9", ClientId = "client", ClientSecret = "not-used-secret" } },
        }));

        var run = CommandRun.Of("run", "--config", config);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Is.EqualTo($"Worker:HealthUrls: {url} is already in use by another process; is another worker running with this configuration? Stop it, or give this one another port{Environment.NewLine}"));
            Assert.That(run.Output, Is.Empty);
        }
    }
}
