using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Tests.TestSupport;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests;

public class QueryReadTests : SalesforceServerTest
{
    private const string QueryAll = Data + "/queryAll";

    [Test]
    public async Task ReadAccounts_FromCursor_QueriesAllFromCursorMinusOverlapOrderedByStampAndId()
    {
        Server.Respond("GET", QueryAll, Json(200, Some.Page(null, Some.Account("001A", Some.T0))));
        var cursor = new ReadCursor(new DateTimeOffset(2026, 11, 23, 10, 2, 0, TimeSpan.Zero), "001Z");

        var changes = await Read(Server.Connector(), cursor);

        var call = Server.Calls(QueryAll).Single();
        var soql = Soql(call)!;
        Assert.Multiple(() =>
        {
            Assert.That(changes.Select(c => c.Id), Is.EqualTo(new[] { "001A" }));
            Assert.That(call.RequestMessage.Method, Is.EqualTo("GET"));
            Assert.That(Header(call, "Sforce-Query-Options"), Is.EqualTo("batchSize=2000"));
            Assert.That(soql, Does.StartWith("SELECT Id, Name, CS_Segment__c, OwnerId, SystemModstamp, LastModifiedById, "));
            Assert.That(soql, Does.EndWith(" FROM Account WHERE SystemModstamp >= 2026-11-23T10:00:00Z ORDER BY SystemModstamp, Id"));
            Assert.That(soql, Does.Contain("Customer_Lifecycle_Stage__c").And.Contain(", IsDeleted FROM"));
        });
    }

    [Test]
    public async Task ReadAccounts_SettledCursor_QueriesFromTheCursorItselfWithoutOverlap()
    {
        Server.Respond("GET", QueryAll, Json(200, Some.Page(null)));
        var cursor = new ReadCursor(new DateTimeOffset(2026, 11, 23, 10, 2, 0, TimeSpan.Zero), "001Z") { Settled = true };

        await Read(Server.Connector(), cursor);

        Assert.That(Soql(Server.Calls(QueryAll).Single()), Does.EndWith(" FROM Account WHERE SystemModstamp >= 2026-11-23T10:02:00Z ORDER BY SystemModstamp, Id"));
    }

    [Test]
    public async Task ReadAccounts_FromStart_QueriesWithoutWhere()
    {
        Server.Respond("GET", Data + "/query", Json(200, Some.Page(null, Some.Account("001A", Some.T0))));

        await Read(Server.Connector(), ReadCursor.Start);

        var soql = Server.Calls(Data + "/query").Select(Soql).ToList();
        Assert.That(soql, Is.EqualTo(new[] { "SELECT COUNT() FROM Account", soql[^1] }), "a full read counts the object first (Bulk API 2.0 above the threshold)");
        Assert.That(soql[^1], Does.EndWith(" FROM Account ORDER BY SystemModstamp, Id"));
    }

    [Test]
    public async Task ReadAccounts_SeveralPages_FollowsNextRecordsUrlUntilDone()
    {
        var t = Some.T0;
        Server.Respond("GET", QueryAll, Json(200, Some.Page(Data + "/query/01gD0000000001-2", Some.Account("001A", t), Some.Account("001B", t.AddSeconds(1)))));
        Server.Respond("GET", Data + "/query/01gD0000000001-2", Json(200, Some.Page(Data + "/query/01gD0000000001-4", Some.Account("001C", t.AddSeconds(2)), Some.Account("001D", t.AddSeconds(3)))));
        Server.Respond("GET", Data + "/query/01gD0000000001-4", Json(200, Some.Page(null, Some.Account("001E", t.AddSeconds(4)))));
        var connector = Server.Connector();

        var changes = await Read(connector, new ReadCursor(t, null));

        Assert.Multiple(() =>
        {
            Assert.That(changes.Select(c => c.Id), Is.EqualTo(new[] { "001A", "001B", "001C", "001D", "001E" }));
            Assert.That(connector.Usage.CallsMade, Is.EqualTo(3 + 1), "⌈5/2⌉ query calls + 1 token call");
            Assert.That(Server.Calls(Data + "/query/01gD0000000001-4").Single().RequestMessage.Query, Is.Empty.Or.Null);
        });
    }

    [Test]
    public async Task ReadAccounts_TiedStampsAcrossPageBoundary_EachRecordOnce()
    {
        var t = Some.T0;
        Server.Respond("GET", QueryAll, Json(200, Some.Page(Data + "/query/01gTIE-2", Some.Account("001X", t), Some.Account("001A", t.AddSeconds(1)))));
        Server.Respond("GET", Data + "/query/01gTIE-2", Json(200, Some.Page(null, Some.Account("001A", t.AddSeconds(1)), Some.Account("001B", t.AddSeconds(1)), Some.Account("001C", t.AddSeconds(2)))));

        var changes = await Read(Server.Connector(), new ReadCursor(t, null));

        Assert.That(changes.Select(c => c.Id), Is.EqualTo(new[] { "001X", "001A", "001B", "001C" }));
    }

    [Test]
    public async Task ReadAccounts_DeletedRow_ComesBackAsDeletedChange()
    {
        Server.Respond("GET", QueryAll, Json(200, Some.Page(null, Some.Account("001GONE", Some.T0, deleted: true))));

        var change = (await Read(Server.Connector(), new ReadCursor(Some.T0, null))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(change.Deleted, Is.True);
            Assert.That(change.Record, Is.Null);
            Assert.That(change.Id, Is.EqualTo("001GONE"));
        });
    }

    [Test]
    public async Task ReadAccounts_StampWithOffsetWithoutColon_ParsedExactly()
    {
        var row = Some.Account("001A", Some.T0);
        row["SystemModstamp"] = "2026-05-20T20:49:32.123+0000";
        Server.Respond("GET", QueryAll, Json(200, Some.Page(null, row)));

        var change = (await Read(Server.Connector(), new ReadCursor(Some.T0, null))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(change.ModifiedAt, Is.EqualTo(new DateTimeOffset(2026, 5, 20, 20, 49, 32, 123, TimeSpan.Zero)));
            Assert.That(change.ModifiedAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(change.LastModifiedBy, Is.EqualTo("005INTEGRATION"));
        });
    }

    [Test]
    public async Task ReadAccounts_UnknownPicklistValue_ProblemNamesRecordFieldAndValueWhileOtherFieldsArrive()
    {
        var row = Some.Account("001A", Some.T0, false, ("CS_Integration_Status__c", "Sideways"), ("CS_Workflows_Live__c", true), ("CS_Kickoff_On__c", "2026-01-15"));
        Server.Respond("GET", QueryAll, Json(200, Some.Page(null, row)));

        var change = (await Read(Server.Connector(), new ReadCursor(Some.T0, null))).Single();

        var problem = change.Problems.Single();
        var account = change.Record!.Account;
        Assert.Multiple(() =>
        {
            Assert.That((problem.RecordId, problem.Field, problem.Value), Is.EqualTo(("001A", "CS_Integration_Status__c", "Sideways")));
            Assert.That(account.IntegrationStatus, Is.Null);
            Assert.That(account.Name, Is.EqualTo("Acme 001A"));
            Assert.That(account.WorkflowsLive, Is.True);
            Assert.That(account.KickoffOn, Is.EqualTo(new DateOnly(2026, 1, 15)));
        });
    }

    [Test]
    public async Task ReadAccounts_UnexpectedExtraMembers_Tolerated()
    {
        var row = Some.Account("001A", Some.T0, false, ("Unmapped_Field__c", 42.5), ("Parent", new { Name = "HQ" }));
        var page = new { totalSize = 1, done = true, records = new[] { row }, queryLocator = (string?)null, somethingNew = new[] { 1, 2 } };
        Server.Respond("GET", QueryAll, Json(200, page));

        var change = (await Read(Server.Connector(), new ReadCursor(Some.T0, null))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(change.Record!.Account.Name, Is.EqualTo("Acme 001A"));
            Assert.That(change.Problems, Is.Empty);
        });
    }

    [Test]
    public void ReadAccounts_MalformedJson_ThrowsClearCrmException()
    {
        Server.Respond("GET", QueryAll, Raw(200, "{\"totalSize\": 1, \"done\": tru"));

        var ex = Assert.ThrowsAsync<CrmException>(() => Read(Server.Connector(), new ReadCursor(Some.T0, null)));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.CrmCode, Is.EqualTo("MALFORMED_RESPONSE"));
            Assert.That(ex.Message, Does.Contain("not the documented JSON").And.Contain("query of Account"));
        });
    }

    [Test]
    public async Task ReadUsage_NamedMetrics_SelectedAndMapped()
    {
        var row = new Dictionary<string, object?>
        {
            ["Id"] = "a01U", ["SystemModstamp"] = Some.Stamp(Some.T0), ["IsDeleted"] = false, ["CS_Account__c"] = "001000000000001AAA",
            ["CS_Usage_Date__c"] = "2026-05-18", ["CS_Active_Users__c"] = 12.0, ["CS_Value_Actions__c"] = 3, ["CS_Core_Events__c"] = 40, ["CS_Projects_Created__c"] = 2,
        };
        Server.Respond("GET", QueryAll, Json(200, Some.Page(null, row)));

        var usage = (await Server.Connector().ReadUsageAsync(new ReadCursor(Some.T0, null), CancellationToken.None).ToListAsync()).Single().Record!;

        Assert.Multiple(() =>
        {
            Assert.That(Soql(Server.Calls(QueryAll).Single()), Does.Contain("CS_Projects_Created__c").And.Contain("FROM CS_Usage__c"));
            Assert.That((usage.AccountId, usage.Usage.ActiveUsers, usage.Usage.Metrics["projects_created"]), Is.EqualTo(("001000000000001AAA", 12, 2.0)));
        });
    }

    private static async Task<List<CrmChange<AccountRecord>>> Read(ICrmConnector connector, ReadCursor cursor) =>
        await connector.ReadAccountsAsync(cursor, CancellationToken.None).ToListAsync();
}
