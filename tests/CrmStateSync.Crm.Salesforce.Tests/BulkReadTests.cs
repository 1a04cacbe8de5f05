using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Tests.TestSupport;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.BulkStubs;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests;

/// <summary>Issue 12 item 3: a full read above Crm:Salesforce:BulkThreshold goes through a Bulk API 2.0 query job.</summary>
public sealed class BulkReadTests : SalesforceServerTest
{
    private static readonly string[] Header = ["Id", "Name", "CS_Segment__c", "CS_Workflows_Live__c", "CS_Kickoff_On__c", "SystemModstamp", "IsDeleted", "LastModifiedById"];

    [Test(Description = "Above the threshold: COUNT(), create the job, poll until JobComplete, stream each result set by Sforce-Locator")]
    public async Task ReadAccounts_FullReadAboveThreshold_CreatesPollsAndStreamsResultSetsByLocator()
    {
        Server.Count(3);
        Server.Respond("POST", Jobs, Job("750J1", "UploadComplete"));
        Server.Respond("GET", Jobs + "/750J1", Job("750J1", "InProgress"), Job("750J1", "JobComplete"));
        Server.Results("750J1", null, CsvOf(Header, Row("001000000000001AAA", "Acme, \"the\" one\nInc."), Row("001000000000002AAA", "Beta")), "MTAwMA", 2);
        Server.Results("750J1", "MTAwMA", CsvOf(Header, Row("001000000000003AAA", "Gamma", kickoff: null)), null, 1);

        var changes = await Read(Bulk(threshold: 2), ReadCursor.Start);

        var create = Body(Server.Calls(Jobs, "POST").Single());
        var results = Server.Calls().Where(c => c.RequestMessage.Path.EndsWith("/results", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(changes.Select(c => c.Id), Is.EqualTo(new[] { "001000000000001AAA", "001000000000002AAA", "001000000000003AAA" }));
            Assert.That(changes[0].Record!.Account.Name, Is.EqualTo("Acme, \"the\" one\nInc."), "quotes, commas and line breaks inside a quoted field");
            Assert.That(changes[0].Record!.Account.WorkflowsLive, Is.True);
            Assert.That(changes[0].Record!.Account.KickoffOn, Is.EqualTo(new DateOnly(2026, 1, 15)));
            Assert.That(changes[2].Record!.Account.KickoffOn, Is.Null, "an empty field is null");
            Assert.That(changes[0].ModifiedAt, Is.EqualTo(Some.T0));
            Assert.That(changes.SelectMany(c => c.Problems), Is.Empty);
            Assert.That(create.GetProperty("operation").GetString(), Is.EqualTo("query"));
            Assert.That(create.GetProperty("query").GetString(), Does.StartWith("SELECT Id, Name, ").And.EndWith(" FROM Account"), "no WHERE, no ORDER BY");
            Assert.That(create.GetProperty("contentType").GetString(), Is.EqualTo("CSV"));
            Assert.That(results.Select(c => c.RequestMessage.Query!.TryGetValue("locator", out var l) ? l.Single() : null), Is.EqualTo(new[] { null, "MTAwMA" }));
            Assert.That(results.Select(c => c.RequestMessage.Query!["maxRecords"].Single()), Is.All.EqualTo("50000"));
            Assert.That(Server.Counter.ByKind, Is.EqualTo(new Dictionary<string, long>
            {
                ["bulk-create"] = 1, ["bulk-poll"] = 2, ["bulk-results"] = 2, ["count"] = 1, ["token"] = 1,
            }));
        });
    }

    [Test]
    public async Task ReadAccounts_FullReadAtOrBelowThreshold_ReadsRestPagesAfterTheCount()
    {
        Server.Count(2);
        Server.Respond("GET", Data + "/query", Json(200, Some.Page(null, Some.Account("001A", Some.T0))));

        var changes = await Read(Bulk(threshold: 2), ReadCursor.Start);

        Assert.Multiple(() =>
        {
            Assert.That(changes.Select(c => c.Id), Is.EqualTo(new[] { "001A" }));
            Assert.That(Server.Calls(Jobs), Is.Empty);
            Assert.That(Server.Counter.ByKind, Is.EqualTo(new Dictionary<string, long> { ["count"] = 1, ["query"] = 1, ["token"] = 1 }));
        });
    }

    [Test]
    public async Task ReadAccounts_Incremental_StaysOnRestWithoutCounting()
    {
        Server.Respond("GET", Data + "/queryAll", Json(200, Some.Page(null, Some.Account("001A", Some.T0))));

        await Read(Bulk(threshold: 2), new ReadCursor(Some.T0, "001A"));

        Assert.That(Server.Counter.ByKind, Is.EqualTo(new Dictionary<string, long> { ["query"] = 1, ["token"] = 1 }));
    }

    [Test]
    public async Task ReadAccounts_ThresholdZero_NeitherCountsNorCreatesAJob()
    {
        Server.Respond("GET", Data + "/query", Json(200, Some.Page(null, Some.Account("001A", Some.T0))));

        await Read(Bulk(threshold: 0), ReadCursor.Start);

        Assert.That(Server.Counter.ByKind.Keys, Is.EquivalentTo(new[] { "query", "token" }));
    }

    [Test(Description = "The Bulk path maps through the same canonical mapper: the same rows read as REST JSON and as CSV give the same changes, problems included")]
    public async Task ReadAccounts_SameRowsAsRestAndAsCsv_SameCanonicalChangesAndProblems()
    {
        Server.Count(2);
        Server.Respond("GET", Data + "/query", Json(200, Some.Page(null,
            Some.Account("001000000000001AAA", Some.T0, false, ("CS_Segment__c", "Enterprise"), ("CS_Workflows_Live__c", true), ("CS_Kickoff_On__c", "2026-01-15")),
            Some.Account("001000000000002AAA", Some.T0, false, ("Name", "Beta"), ("CS_Segment__c", null), ("CS_Workflows_Live__c", false), ("CS_Kickoff_On__c", "2026-13-40")))));
        var rest = await Read(Bulk(threshold: 2), ReadCursor.Start);
        RestartServer();
        Server.Count(2);
        Server.Respond("POST", Jobs, Job("750J1", "JobComplete"));
        Server.Results("750J1", null, CsvOf(Header,
            Row("001000000000001AAA", "Acme 001000000000001AAA"),
            ["001000000000002AAA", "Beta", null, "false", "2026-13-40", "2026-05-20T20:49:32.000Z", "false", "005INTEGRATION"]), null, 2);

        var bulk = await Read(Bulk(threshold: 1), ReadCursor.Start);

        Assert.Multiple(() =>
        {
            Assert.That(JsonSerializer.Serialize(bulk), Is.EqualTo(JsonSerializer.Serialize(rest)));
            Assert.That(bulk[1].Problems.Single().Field, Is.EqualTo("CS_Kickoff_On__c"), "a bad date is the same problem on both paths");
            Assert.That(Server.Calls(Jobs + "/750J1", "GET"), Is.Empty, "a job created complete is not polled");
        });
    }

    private static string?[] Row(string id, string name, string? kickoff = "2026-01-15") =>
        [id, name, "Enterprise", "true", kickoff, "2026-05-20T20:49:32.000Z", "false", "005INTEGRATION"];

    private ICrmConnector Bulk(int threshold) => Server.Connector(o => (o.BulkThreshold, o.BulkPollInterval) = (threshold, TimeSpan.FromMilliseconds(1)));

    private static async Task<List<CrmChange<AccountRecord>>> Read(ICrmConnector connector, ReadCursor cursor) =>
        await connector.ReadAccountsAsync(cursor, CancellationToken.None).ToListAsync();
}
