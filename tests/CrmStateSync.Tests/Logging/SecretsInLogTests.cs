using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Tests.Crash;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Logging;

/// <summary>
/// sync.md "Secrets never reach a log at any level": the real executable runs a cycle at Verbose (the HttpClient's
/// trace events carry every request header) and then fails to authenticate; nothing it wrote — standard output,
/// standard error, the files in its folder — holds a credential or an access token the CRM handed out.
/// </summary>
public partial class SecretsInLogTests
{
    private const string SalesforceSecret = "sfsecret-Kq7VwZr2-DISTINCT-9d41";
    private const string HubSpotToken = "pat-na1-Xy93bTqL-DISTINCT-7c2e";
    private const string WrongSecret = "wrongsecret-Pm4Hs8Nd-DISTINCT-1b77";

    [TestCase("salesforce", TestName = "Run_VerboseCycleAndAnAuthFailure_Salesforce_WritesNoSecretAnywhere")]
    [TestCase("hubspot", TestName = "Run_VerboseCycleAndAnAuthFailure_HubSpot_WritesNoSecretAnywhere")]
    public async Task Run_VerboseCycleAndAnAuthFailure_WritesNoSecretAnywhere(string crm)
    {
        await using var sandbox = new SandboxServer(new SandboxOptions { SalesforceClientSecret = SalesforceSecret, HubSpotToken = HubSpotToken });
        _ = crm == "hubspot" ? sandbox.SeedHubSpot(SandboxSeed.Generate(new SeedOptions { Accounts = 20 })) : sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 20 }));
        await sandbox.StartAsync();
        using var folder = new TempFolder();
        var config = Config(folder, sandbox, crm);

        var cycle = await RunOneCycleAsync(config, Environment(crm, crm == "hubspot" ? HubSpotToken : SalesforceSecret));
        var refused = WorkerProcess.Start(Environment(crm, WrongSecret), "run", "--config", config);
        var refusedExit = await refused.WaitAsync();
        var written = cycle.Printed + refused.Printed + FilesIn(folder.Path, except: config);
        refused.Dispose();

        var found = new[] { SalesforceSecret, HubSpotToken, WrongSecret }.Where(s => written.Contains(s, StringComparison.Ordinal)).ToList();
        var tokens = SandboxAccessToken().Matches(written).Select(m => m.Value).Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(cycle.ExitCode, Is.Zero, cycle.Printed);
            Assert.That(cycle.Printed, Does.Contain("\"Authorization\":\"***\""), "the Verbose log carried the request headers (masked): the test looked where the secrets were");
            Assert.That(refusedExit, Is.EqualTo(ExitCodes.AuthenticationFailure), refused.Printed);
            Assert.That(found, Is.Empty, "configured credentials found in what the process wrote");
            Assert.That(tokens, Is.Empty, "access tokens the CRM handed out found in what the process wrote");
        });
        TestContext.Out.WriteLine($"{crm}: {Encoding.UTF8.GetByteCount(written)} bytes written; secrets found: {found.Count + tokens.Count}");
    }

    /// <summary>Starts <c>run</c>, waits for its first cycle's summary, stops it with SIGTERM and waits for the exit.</summary>
    private static async Task<(int ExitCode, string Printed)> RunOneCycleAsync(string config, IReadOnlyDictionary<string, string> environment)
    {
        using var worker = WorkerProcess.Start(environment, "run", "--config", config);
        Assert.That(await worker.PrintedAsync("\"Evaluated\":"), Is.True, () => "the cycle did not end:" + System.Environment.NewLine + worker.Printed);
        await worker.SignalAsync("TERM");
        var exitCode = await worker.WaitAsync();
        return (exitCode, worker.Printed);
    }

    /// <summary>The credential from the environment, as a deployment passes it, and every log level on.</summary>
    private static Dictionary<string, string> Environment(string crm, string credential) => new()
    {
        ["CRMSTATESYNC_Serilog__MinimumLevel__Default"] = "Verbose",
        [crm == "hubspot" ? "CRMSTATESYNC_Crm__HubSpot__AccessToken" : "CRMSTATESYNC_Crm__Salesforce__ClientSecret"] = credential,
    };

    /// <summary>An appsettings file without any secret (they come from the environment), so the folder may be searched whole.</summary>
    private static string Config(TempFolder folder, SandboxServer sandbox, string crm) => folder.Write("appsettings.json", JsonSerializer.Serialize(new
    {
        Worker = new { Provider = crm, OrgId = "org-secrets", DatabasePath = Path.Combine(folder.Path, "state.db"), HeartbeatPath = Path.Combine(folder.Path, "heartbeat") },
        Crm = crm == "hubspot"
            ? (object)new { HubSpot = new { BaseUrl = sandbox.Url.ToString() } }
            : new { Salesforce = new { LoginUrl = sandbox.Url.ToString(), ClientId = sandbox.Options.SalesforceClientId } },
    }));

    private static string FilesIn(string path, string except) => string.Concat(
        Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(f => f != except).Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));

    /// <summary>The shape of the sandbox's Salesforce access tokens.</summary>
    [GeneratedRegex(@"00DSBX0000000001!AQ\d{4}\.[0-9a-f]{32}")]
    private static partial Regex SandboxAccessToken();
}
