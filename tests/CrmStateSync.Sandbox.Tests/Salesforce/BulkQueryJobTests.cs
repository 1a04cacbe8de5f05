using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Http;
using CrmStateSync.Sandbox.Data;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Sandbox.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CrmStateSync.Sandbox.Tests.Salesforce;

/// <summary>The sandbox serves Bulk API 2.0 query jobs as Salesforce documents them, and the real connector reads through them.</summary>
[TestFixture]
internal sealed class BulkQueryJobTests
{
    private const string Jobs = "/services/data/v66.0/jobs/query";
    private static readonly DateTimeOffset Stamp = new(2026, 5, 20, 20, 49, 32, 120, TimeSpan.Zero);

    [Test(Description = "Create (UploadComplete) → InProgress → JobComplete; results in sets of maxRecords by Sforce-Locator, CSV with a header, quoted, nulls empty")]
    public async Task QueryJob_CreatePollAndPage_AnswersAsDocumented()
    {
        await using var sandbox = new SandboxServer();
        var accounts = sandbox.Salesforce.TableOf("Account");
        accounts.Put(new SandboxRecord("001SBX000000000001", Stamp, null, false, new Dictionary<string, object?>
        {
            ["Name"] = "Acme, \"the\" one", ["CS_Workflows_Live__c"] = true, ["CS_Kickoff_On__c"] = new DateOnly(2026, 1, 15), ["CS_Segment__c"] = null,
        }));
        accounts.Put(new SandboxRecord("001SBX000000000002", Stamp.AddSeconds(1), null, false, new Dictionary<string, object?> { ["Name"] = "Beta" }));
        accounts.Put(new SandboxRecord("001SBX000000000003", Stamp.AddSeconds(2), null, false, new Dictionary<string, object?> { ["Name"] = "Gamma" }));
        await sandbox.StartAsync();
        using var http = await SandboxHttp.SalesforceAsync(sandbox);

        using var created = await http.PostAsJsonAsync(Jobs, new { operation = "query", query = "SELECT Id, Name, CS_Workflows_Live__c, CS_Kickoff_On__c, CS_Segment__c, SystemModstamp FROM Account" });
        var job = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = job.GetProperty("id").GetString();
        var early = await http.GetAsync(new Uri($"{Jobs}/{id}/results", UriKind.Relative));
        var states = new[] { await StateAsync(http, id), await StateAsync(http, id) };
        using var first = await http.GetAsync(new Uri($"{Jobs}/{id}/results?maxRecords=2", UriKind.Relative));
        var locator = first.Headers.GetValues("Sforce-Locator").Single();
        using var second = await http.GetAsync(new Uri($"{Jobs}/{id}/results?maxRecords=2&locator={locator}", UriKind.Relative));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((job.GetProperty("state").GetString(), job.GetProperty("object").GetString(), job.GetProperty("contentType").GetString()), Is.EqualTo(("UploadComplete", "Account", "CSV")));
            Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed), "results only once JobComplete");
            Assert.That(states, Is.EqualTo(new[] { "InProgress", "JobComplete" }));
            Assert.That(first.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
            Assert.That(first.Headers.GetValues("Sforce-NumberOfRecords").Single(), Is.EqualTo("2"));
            Assert.That(await first.Content.ReadAsStringAsync(), Is.EqualTo(
                "\"Id\",\"Name\",\"CS_Workflows_Live__c\",\"CS_Kickoff_On__c\",\"CS_Segment__c\",\"SystemModstamp\"\n"
                + "\"001SBX000000000001\",\"Acme, \"\"the\"\" one\",\"true\",\"2026-01-15\",,\"2026-05-20T20:49:32.120Z\"\n"
                + "\"001SBX000000000002\",\"Beta\",,,,\"2026-05-20T20:49:33.120Z\"\n"));
            Assert.That(locator, Is.Not.EqualTo("null"));
            Assert.That(second.Headers.GetValues("Sforce-Locator").Single(), Is.EqualTo("null"), "no more result sets");
            Assert.That(await second.Content.ReadAsStringAsync(), Does.EndWith("\"001SBX000000000003\",\"Gamma\",,,,\"2026-05-20T20:49:34.120Z\"\n"));
        }
    }

    [TestCase("SELECT COUNT() FROM Account", "API_ERROR", Description = "Bulk API 2.0 does not run aggregate functions such as COUNT()")]
    [TestCase("SELECT Id, Nope__c FROM Account", "INVALID_FIELD", Description = "An unknown field is refused when the job is created")]
    [TestCase("SELECT Id FROM Nope__c", "INVALID_TYPE", Description = "An unknown object is refused when the job is created")]
    public async Task QueryJob_UnsupportedQuery_Is400WithTheSalesforceErrorArray(string soql, string code)
    {
        await using var sandbox = new SandboxServer();
        await sandbox.StartAsync();
        using var http = await SandboxHttp.SalesforceAsync(sandbox);

        using var response = await http.PostAsJsonAsync(Jobs, new { operation = "query", query = soql });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That((response.StatusCode, body[0].GetProperty("errorCode").GetString()), Is.EqualTo((HttpStatusCode.BadRequest, code)));
    }

    [Test]
    public async Task QueryJob_Expired_ResultsAndStatusAre404NotFound()
    {
        await using var sandbox = new SandboxServer(new SandboxOptions { SalesforceBulkPollsBeforeComplete = 0 });
        await sandbox.StartAsync();
        using var http = await SandboxHttp.SalesforceAsync(sandbox);
        using var created = await http.PostAsJsonAsync(Jobs, new { operation = "query", query = "SELECT Id FROM Account" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        sandbox.Salesforce.ExpireBulkJobs();
        using var results = await http.GetAsync(new Uri($"{Jobs}/{id}/results", UriKind.Relative));
        using var status = await http.GetAsync(new Uri($"{Jobs}/{id}", UriKind.Relative));

        Assert.That((results.StatusCode, status.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
    }

    [Test(Description = "Issue 12: a bulk first read of an org above a lowered threshold yields exactly the canonical records of the REST read of the same org")]
    public async Task FirstRead_AboveLoweredThreshold_SameCanonicalRecordsAsTheRestRead()
    {
        await using var sandbox = new SandboxServer().SeedSalesforce(SandboxSeed.Generate(new SeedOptions { Accounts = 150 }));
        await sandbox.StartAsync();
        var (rest, restProvider) = Connectors.Salesforce(sandbox, o => (o.BulkThreshold, o.PageSize) = (0, 200));
        var (bulk, bulkProvider) = Connectors.Salesforce(sandbox, o => (o.BulkThreshold, o.BulkPageSize, o.BulkPollInterval) = (100, 250, TimeSpan.FromMilliseconds(1)));
        await using var _ = restProvider;
        await using var __ = bulkProvider;

        var restRead = await ReadAllAsync(rest);
        var jobsBefore = sandbox.Salesforce.BulkJobsCreated;
        var bulkRead = await ReadAllAsync(bulk);
        var kinds = bulkProvider.GetRequiredService<CallCounter>().ByKind;

        Assert.Multiple(() =>
        {
            Assert.That(bulkRead, Is.EqualTo(restRead), "accounts, opportunities, contacts and usage, canonical JSON by id");
            Assert.That(restRead.Split('\n'), Has.Length.GreaterThan(150 * 4), "the org holds children too");
            Assert.That(sandbox.Salesforce.BulkJobsCreated - jobsBefore, Is.EqualTo(kinds["bulk-create"]));
            Assert.That(kinds["count"], Is.EqualTo(4), "one COUNT() per object");
            Assert.That(kinds["bulk-create"], Is.EqualTo(4), "every object above 100 rows (accounts, opportunities, contacts, usage) goes through a job");
            Assert.That(kinds["bulk-results"], Is.GreaterThan(kinds["bulk-create"]), "result sets of 250 rows, paged by locator");
        });
    }

    private static async Task<string> StateAsync(HttpClient http, string? id) =>
        (await http.GetFromJsonAsync<JsonElement>(new Uri($"{Jobs}/{id}", UriKind.Relative))).GetProperty("state").GetString()!;

    /// <summary>Every object's changes as canonical JSON, one line per record, ordered by object then id (a job's order is not the REST order).</summary>
    private static async Task<string> ReadAllAsync(ICrmConnector connector)
    {
        var lines = new List<string>();
        lines.AddRange(Lines("account", await connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync()));
        lines.AddRange(Lines("opportunity", await connector.ReadOpportunitiesAsync(ReadCursor.Start, CancellationToken.None).ToListAsync()));
        lines.AddRange(Lines("contact", await connector.ReadContactsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync()));
        lines.AddRange(Lines("usage", await connector.ReadUsageAsync(ReadCursor.Start, CancellationToken.None).ToListAsync()));
        return string.Join('\n', lines);
    }

    private static IEnumerable<string> Lines<T>(string kind, List<CrmChange<T>> changes)
        where T : class => changes.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => kind + " " + JsonSerializer.Serialize(c));
}
