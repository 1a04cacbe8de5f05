using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Tests.TestSupport;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests;

public class SessionRenewalTests
{
    private const string QueryAll = Data + "/queryAll";
    private const string Locator = Data + "/query/01gD0000000002-2";
    private static readonly DateTimeOffset T1 = Some.T0.AddMinutes(5);
    private SalesforceServer _server = null!;

    [SetUp]
    public void SetUp()
    {
        _server = new SalesforceServer();
        _server.Tokens(Token1, Token2);
        _server.Respond("GET", QueryAll,
            Json(200, Some.Page(Locator, Some.Account("001A", Some.T0), Some.Account("001B", T1))),
            Json(200, Some.Page(null, Some.Account("001B", T1), Some.Account("001C", T1), Some.Account("001D", T1.AddSeconds(3)))));
    }

    [TearDown]
    public void TearDown() => _server.Dispose();

    [Test]
    public async Task ReadAccounts_LocatorRefusedMidRun_RenewsOnceAndRestartsFromLastYieldedStamp()
    {
        _server.Respond("GET", Locator, Error(401, "INVALID_SESSION_ID", "Session expired or invalid"));

        var changes = await _server.Connector().ReadAccountsAsync(new ReadCursor(Some.T0, null), CancellationToken.None).ToListAsync();

        var queries = _server.Calls(QueryAll);
        Assert.Multiple(() =>
        {
            Assert.That(changes.Select(c => c.Id), Is.EqualTo(new[] { "001A", "001B", "001C", "001D" }));
            Assert.That(_server.Calls(TokenPath), Has.Count.EqualTo(2));
            Assert.That(_server.Calls(Locator), Has.Count.EqualTo(1), "the stale locator is not retried with the new token");
            Assert.That(Soql(queries[1]), Does.Contain($"WHERE SystemModstamp >= {T1:yyyy-MM-dd'T'HH:mm:ss'Z'} ORDER BY SystemModstamp, Id"));
            Assert.That(Header(queries[1], "Authorization"), Is.EqualTo("Bearer " + Token2));
        });
    }

    [Test]
    public async Task ReadAccounts_SessionRenewedByAnotherCall_RestartsWithoutCallingStaleLocator()
    {
        _server.Respond("GET", Locator, Json(200, Some.Page(null, Some.Account("001STALE", T1))));
        _server.Respond("GET", Data + "/sobjects/Account/describe",
            Error(401, "INVALID_SESSION_ID", "Session expired or invalid"), Json(200, new { name = "Account", fields = Array.Empty<object>() }));
        var connector = _server.Connector();
        var ids = new List<string>();

        await foreach (var change in connector.ReadAccountsAsync(new ReadCursor(Some.T0, null), CancellationToken.None))
        {
            ids.Add(change.Id);
            if (ids.Count == 1)
            {
                await connector.DescribeAsync(CrmObject.Account, CancellationToken.None);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(new[] { "001A", "001B", "001C", "001D" }));
            Assert.That(_server.Calls(Locator), Is.Empty);
            Assert.That(Soql(_server.Calls(QueryAll)[1]), Does.Contain($"WHERE SystemModstamp >= {T1:yyyy-MM-dd'T'HH:mm:ss'Z'} "));
        });
    }
}
