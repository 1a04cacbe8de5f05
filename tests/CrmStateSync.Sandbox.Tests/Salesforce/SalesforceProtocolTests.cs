using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Sandbox.Tests.TestSupport;

namespace CrmStateSync.Sandbox.Tests.Salesforce;

/// <summary>The documented request and response shapes (crm-apis.md), checked with a plain HttpClient and the connector.</summary>
[TestFixture]
internal sealed class SalesforceProtocolTests
{
    [Test]
    public async Task Token_WrongSecret_Is400InvalidClientAndTheConnectorNamesTheSecret()
    {
        await using var sandbox = await StartedAsync(new SandboxOptions(), 10);
        using var http = new HttpClient();
        using var form = Form(sandbox.Options.SalesforceClientId, "wrong");

        using var response = await http.PostAsync(new Uri(sandbox.Url, "/services/oauth2/token"), form);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var (connector, provider) = Connectors.Salesforce(sandbox, o => o.ClientSecret = "wrong");
        await using var _ = provider;
        var refused = Assert.ThrowsAsync<CrmAuthenticationException>(async () => await connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body.RootElement.GetProperty("error").GetString(), Is.EqualTo("invalid_client"));
            Assert.That(body.RootElement.TryGetProperty("error_description", out var _), Is.True);
            Assert.That(refused!.Message, Does.Contain("ClientSecret").And.Not.Contain("wrong)"));
        });
    }

    [Test]
    public async Task Query_BatchSize200_PagesWithNextRecordsUrlAndSalesforceDatetimes()
    {
        await using var sandbox = await StartedAsync(new SandboxOptions(), 450);
        using var http = await AuthorisedAsync(sandbox);
        http.DefaultRequestHeaders.Add("Sforce-Query-Options", "batchSize=200");

        using var first = await http.GetAsync(new Uri(sandbox.Url, "/services/data/v66.0/query?q=" + Uri.EscapeDataString("SELECT Id, Name, SystemModstamp FROM Account ORDER BY SystemModstamp, Id")));
        using var page1 = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var next = page1.RootElement.GetProperty("nextRecordsUrl").GetString()!;
        using var page2 = JsonDocument.Parse(await http.GetStringAsync(new Uri(sandbox.Url, next)));
        var record = page1.RootElement.GetProperty("records")[0];

        Assert.Multiple(() =>
        {
            Assert.That(page1.RootElement.GetProperty("totalSize").GetInt32(), Is.EqualTo(450));
            Assert.That(page1.RootElement.GetProperty("done").GetBoolean(), Is.False);
            Assert.That(page1.RootElement.GetProperty("records").GetArrayLength(), Is.EqualTo(200));
            Assert.That(next, Does.Match(@"^/services/data/v66\.0/query/01g[\w]+-200$"));
            Assert.That(page2.RootElement.GetProperty("records").GetArrayLength(), Is.EqualTo(200));
            Assert.That(record.GetProperty("attributes").GetProperty("type").GetString(), Is.EqualTo("Account"));
            Assert.That(record.GetProperty("SystemModstamp").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$"));
            Assert.That(first.Headers.GetValues("Sforce-Limit-Info").Single(), Does.Match(@"^api-usage=\d+/1000000$"));
        });
    }

    [Test]
    public async Task Query_UnknownFieldOrShape_Is400WithTheSalesforceErrorArray()
    {
        await using var sandbox = await StartedAsync(new SandboxOptions(), 5);
        using var http = await AuthorisedAsync(sandbox);

        using var response = await http.GetAsync(new Uri(sandbox.Url, "/services/data/v66.0/query?q=" + Uri.EscapeDataString("SELECT Id, Nope__c FROM Account ORDER BY SystemModstamp, Id")));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.RootElement[0].GetProperty("errorCode").GetString(), Is.EqualTo("INVALID_FIELD"));
    }

    [Test]
    public async Task DailyLimitSpent_Is403RequestLimitExceededAndTheConnectorEndsTheCycle()
    {
        await using var sandbox = await StartedAsync(new SandboxOptions { SalesforceDailyApiMax = 3 }, 1000);
        var (connector, provider) = Connectors.Salesforce(sandbox, o => o.PageSize = 200);
        await using var _ = provider;

        Assert.ThrowsAsync<CrmBudgetExhaustedException>(async () => await connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync());
        Assert.That(sandbox.Salesforce.ApiUsed, Is.EqualTo(4), "three calls within the limit, the fourth refused, no retry loop");
    }

    [Test]
    public async Task ExpiredSession_MidQuery_ConnectorRenewsTheTokenAndStillReadsEveryAccount()
    {
        await using var sandbox = await StartedAsync(new SandboxOptions(), 700);
        var (connector, provider) = Connectors.Salesforce(sandbox, o => o.PageSize = 200);
        await using var _ = provider;
        var read = 0;

        await foreach (var change in connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None))
        {
            if (++read == 250)
            {
                sandbox.Salesforce.ExpireSessions();
            }
        }

        Assert.That(sandbox.Salesforce.TokensIssued, Is.EqualTo(2));
        Assert.That(read, Is.EqualTo(700));
    }

    private static async Task<SandboxServer> StartedAsync(SandboxOptions options, int accounts)
    {
        var sandbox = new SandboxServer(options).SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = accounts, Children = false }));
        await sandbox.StartAsync();
        return sandbox;
    }

    private static async Task<HttpClient> AuthorisedAsync(SandboxServer sandbox)
    {
        var http = new HttpClient();
        using var form = Form(sandbox.Options.SalesforceClientId, sandbox.Options.SalesforceClientSecret);
        using var response = await http.PostAsync(new Uri(sandbox.Url, "/services/oauth2/token"), form);
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return http;
    }

    private static FormUrlEncodedContent Form(string clientId, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
    });
}
