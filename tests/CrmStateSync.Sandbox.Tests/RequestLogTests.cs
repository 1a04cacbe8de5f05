using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Sandbox.Tests.TestSupport;

namespace CrmStateSync.Sandbox.Tests;

/// <summary>The sandbox's own count of API calls by kind, which the scale benchmark reports.</summary>
[TestFixture]
internal sealed class RequestLogTests
{
    [Test]
    public async Task Requests_ConnectorReadsPagedAccounts_AreCountedByRouteAndServed()
    {
        await using var sandbox = new SandboxServer();
        sandbox.SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 5, Children = false }));
        await sandbox.StartAsync();
        var (connector, provider) = Connectors.Salesforce(sandbox);
        await using var _ = provider;

        var accounts = await connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
        using var http = new HttpClient();
        using var served = JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox.Url, "/_sandbox/requests")));

        Assert.Multiple(() =>
        {
            Assert.That(accounts, Has.Count.EqualTo(5));
            Assert.That(sandbox.Requests.Counts["POST /services/oauth2/token"], Is.EqualTo(1));
            Assert.That(sandbox.Requests.Counts["GET /services/data/{version}/query"], Is.EqualTo(2), "the COUNT() before a full read, and the page");
            Assert.That(served.RootElement.GetProperty("GET /services/data/{version}/query").GetInt64(), Is.EqualTo(2));
            Assert.That(sandbox.Requests.Counts.Keys, Has.None.StartsWith("GET /_sandbox"), "the log's own endpoint is not an API call");
        });
    }
}
