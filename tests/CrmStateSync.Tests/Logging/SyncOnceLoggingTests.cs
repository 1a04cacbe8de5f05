using System.Text.Json;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Tests.Crash;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Logging;

/// <summary>
/// One composition root: <c>sync --once</c> logs as <c>run</c> does — the configuration's <c>Serilog</c> section (here
/// from the environment, as a deployment sets it) — and, at Verbose, still writes no secret.
/// </summary>
public class SyncOnceLoggingTests
{
    private const string Secret = "sfsecret-Jw3Lq8Tz-SYNCONCE-5e20";

    [Test(Description = "One composition root: sync --once honours the Serilog section (Verbose shows the masked request headers; without it they are not logged), and writes no secret")]
    public async Task SyncOnce_SerilogMinimumLevelVerbose_LogsAtVerboseWithoutSecrets()
    {
        await using var sandbox = new SandboxServer(new SandboxOptions { SalesforceClientSecret = Secret });
        sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 10 }));
        await sandbox.StartAsync();
        using var folder = new TempFolder();
        var config = folder.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            Worker = new { Provider = "salesforce", OrgId = "org-logging", DatabasePath = Path.Combine(folder.Path, "state.db") },
            Crm = new { Salesforce = new { LoginUrl = sandbox.Url.ToString(), ClientId = sandbox.Options.SalesforceClientId } },
        }));
        var secret = new Dictionary<string, string> { ["CRMSTATESYNC_Crm__Salesforce__ClientSecret"] = Secret };

        var plain = await SyncOnceAsync(config, secret);
        var verbose = await SyncOnceAsync(config, new Dictionary<string, string>(secret) { ["CRMSTATESYNC_Serilog__MinimumLevel__Default"] = "Verbose" });

        Assert.Multiple(() =>
        {
            Assert.That((plain.ExitCode, verbose.ExitCode), Is.EqualTo((0, 0)), plain.Printed + verbose.Printed);
            Assert.That(plain.Printed, Does.Not.Contain("\"Authorization\""), "at the default level the request headers are not logged");
            Assert.That(verbose.Printed, Does.Contain("\"Authorization\":\"***\""), "the Serilog section's Verbose reached sync --once");
            Assert.That(plain.Printed + verbose.Printed, Does.Not.Contain(Secret));
        });
    }

    private static async Task<(int ExitCode, string Printed)> SyncOnceAsync(string config, IReadOnlyDictionary<string, string> environment)
    {
        using var sync = WorkerProcess.Start(environment, "sync", "--once", "--config", config);
        var exitCode = await sync.WaitAsync();
        return (exitCode, sync.Printed);
    }
}
