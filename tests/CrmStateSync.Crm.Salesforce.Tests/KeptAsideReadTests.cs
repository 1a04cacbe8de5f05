using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Tests.TestSupport;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests;

/// <summary>sync.md "No record stops a cycle", through the connector: a bad contact is a problem of its own, the page reads on.</summary>
public sealed class KeptAsideReadTests : SalesforceServerTest
{
    private const string QueryAll = Data + "/queryAll";

    [Test(Description = "No record stops a cycle: a private contact (AccountId null), a malformed AccountId and an unknown role are kept aside with id, field and value; the good contact maps")]
    public async Task ReadContacts_PrivateMalformedAndUnknownRole_ProblemsWhileTheRestMaps()
    {
        Server.Respond("GET", QueryAll, Json(200, Some.Page(null,
            Contact("003000000000001AAA", "001000000000001AAA", "Champion"),
            Contact("003000000000002AAA", null, "Champion"),
            Contact("003000000000003AAA", "Acme", "Champion"),
            Contact("003000000000004AAA", "001000000000001AAA", "Sponsor"))));

        var changes = await Server.Connector().ReadContactsAsync(new ReadCursor(Some.T0, null), CancellationToken.None).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(changes.Select(c => c.KeptAside), Is.EqualTo(new[] { false, true, true, true }));
            Assert.That(changes[0].Record!.AccountId, Is.EqualTo("001000000000001AAA"));
            Assert.That(changes.SelectMany(c => c.Problems).Select(p => (p.RecordId, p.Field, p.Value)), Is.EqualTo(new[]
            {
                ("003000000000002AAA", "AccountId", null),
                ("003000000000003AAA", "AccountId", "Acme"),
                ("003000000000004AAA", "CS_Stakeholder_Role__c", (string?)"Sponsor"),
            }));
        });
    }

    private static Dictionary<string, object?> Contact(string id, string? accountId, string role) => new()
    {
        ["Id"] = id, ["SystemModstamp"] = Some.Stamp(Some.T0), ["IsDeleted"] = false, ["AccountId"] = accountId, ["CS_Stakeholder_Role__c"] = role,
    };
}
