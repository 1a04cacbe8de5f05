namespace CrmStateSync.Crm.HubSpot.Tests;

/// <summary>sync.md "No record stops a cycle", through the connector: a deal with no company association is its own problem.</summary>
public sealed class KeptAsideReadTests : HubSpotHarnessTests
{
    [Test(Description = "No record stops a cycle: a HubSpot deal with no company association, or a bad close date, is kept aside with id, field and value; the good deal maps")]
    public async Task ReadOpportunities_NoCompanyAssociationAndBadDate_ProblemsWhileTheRestMaps()
    {
        JsonNode[] deals =
        [
            Some.Record("41", new JsonObject { ["dealtype"] = "newbusiness", ["closedate"] = "2026-03-01" }),
            Some.Record("42", new JsonObject { ["dealtype"] = "newbusiness", ["closedate"] = "2026-03-01" }),
            Some.Record("43", new JsonObject { ["dealtype"] = "newbusiness", ["closedate"] = "soon" }),
        ];
        Some.Json(Hs.Server, Request.Create().WithPath("/crm/v3/objects/deals").UsingGet(), 200, Some.Page(deals));
        var links = new JsonArray(Link("41", "941"), Link("43", "943"));
        Some.Json(Hs.Server, Request.Create().WithPath("/crm/v4/associations/deals/companies/batch/read").UsingPost(), 200, new JsonObject { ["status"] = "COMPLETE", ["results"] = links });

        var changes = await Some.All(Hs.Connector().ReadOpportunitiesAsync(ReadCursor.Start, default));

        Assert.Multiple(() =>
        {
            Assert.That(changes.Select(c => (c.Id, c.KeptAside)), Is.EqualTo(new[] { ("41", false), ("42", true), ("43", true) }));
            Assert.That(changes[0].Record!.AccountId, Is.EqualTo("941"));
            Assert.That(changes.SelectMany(c => c.Problems).Select(p => (p.RecordId, p.Field, p.Value)),
                Is.EqualTo(new[] { ("42", "accountId", null), ("43", "closedate", (string?)"soon") }));
        });
    }

    private static JsonObject Link(string from, string company) => new()
    {
        ["from"] = new JsonObject { ["id"] = from },
        ["to"] = new JsonArray(new JsonObject { ["toObjectId"] = company, ["associationTypes"] = new JsonArray() }),
    };
}
