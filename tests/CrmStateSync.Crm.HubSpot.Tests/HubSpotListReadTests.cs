using System.Globalization;

namespace CrmStateSync.Crm.HubSpot.Tests;

public sealed class HubSpotListReadTests : HubSpotHarnessTests
{
    [Test]
    public async Task ReadAccounts_FirstRead_ListsPagesOf100WithBearerTokenAndMappedProperties()
    {
        Hs.Server.Given(Request.Create().WithPath("/crm/v3/objects/companies").UsingGet()).RespondWith(Response.Create().WithCallback(req =>
        {
            var offset = req.Query!.TryGetValue("after", out var a) ? int.Parse(a[0], CultureInfo.InvariantCulture) : 0;
            var ids = Enumerable.Range(offset + 1, Math.Min(100, 250 - offset)).Select(i => (JsonNode)Some.Record(i.ToString(CultureInfo.InvariantCulture)));
            return FakeSearch.Json(200, Some.Page(ids, offset + 100 < 250 ? (offset + 100).ToString(CultureInfo.InvariantCulture) : null));
        }));

        var changes = await Some.All(Hs.Connector().ReadAccountsAsync(ReadCursor.Start, default));

        var calls = Hs.Calls("GET", "/crm/v3/objects/companies");
        Assert.That(changes.Select(c => c.Id).Distinct().Count(), Is.EqualTo(250));
        Assert.That(calls, Has.Count.EqualTo(3), "⌈250/100⌉ list pages");
        Assert.That(calls.Select(c => c.RequestMessage.Headers!["Authorization"][0]), Is.All.EqualTo("Bearer " + HubSpotHarness.Token));
        var query = calls[1].RequestMessage.Query!;
        Assert.That((query["limit"][0], query["after"][0], query["archived"][0]), Is.EqualTo(("100", "100", "false")));
        Assert.That(query["properties"][0].Split(','), Does.Contain("cs_lifecycle_stage").And.Contain("hs_lastmodifieddate").And.Contain("hubspot_owner_id"));
        Assert.That(Hs.Server.LogEntries.Where(e => e.RequestMessage.Path.EndsWith("/search", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task ReadAccounts_CursorSet_SearchesOnlyAndListsNoArchivedRecords()
    {
        new FakeSearch("hs_lastmodifieddate", Some.Records(3, 1, i => HubSpotHarness.Now.ToUnixTimeMilliseconds() - 1000)).Serve(Hs.Server, "/crm/v3/objects/companies");
        Some.Json(Hs.Server, Request.Create().WithPath("/crm/v3/objects/companies").WithParam("archived", "true").UsingGet(), 200, Some.Page([Some.Record("7", archivedAt: "2026-05-20T11:30:00.000Z")]));

        var changes = await Some.All(Hs.Connector().ReadAccountsAsync(Some.CursorAt(HubSpotHarness.Now.AddHours(-1)), default));

        Assert.That(changes.Select(c => (c.Id, c.Deleted)), Is.EqualTo(new[] { ("1", false), ("2", false), ("3", false) }));
        Assert.That(Hs.Calls("GET", "/crm/v3/objects/companies"), Is.Empty, "deletions are the reconciliation read's sweep, not an archived list every cycle");
    }

    [Test]
    public async Task ReadOpportunities_FirstRead2500Deals_ListPagesOf100AndAssociationsInBatchesOf1000AcrossPages()
    {
        ServeList("/crm/v3/objects/deals", 2_500);
        Some.Associations(Hs.Server, "deals");

        var changes = await Some.All(Hs.Connector().ReadOpportunitiesAsync(ReadCursor.Start, default));

        var links = Hs.Calls("POST", "/crm/v4/associations/deals/companies/batch/read").Select(HubSpotHarness.Body).ToList();
        Assert.That(Hs.Calls("GET", "/crm/v3/objects/deals"), Has.Count.EqualTo(25), "⌈2,500/100⌉ list pages");
        Assert.That(links.Select(b => b.GetProperty("inputs").GetArrayLength()), Is.EqualTo(new[] { 1_000, 1_000, 500 }), "⌈2,500/1,000⌉ association reads, ten pages each");
        Assert.That(links.SelectMany(b => b.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("id").GetString())), Is.EqualTo(changes.Select(c => c.Id)), "every id once, in read order");
        Assert.That(changes.Select(c => c.Record!.AccountId), Is.EqualTo(changes.Select(c => "9" + c.Id)));
    }

    [Test]
    public async Task ReadOpportunities_FirstReadOf100_OneListPageAndOneAssociationRead()
    {
        ServeList("/crm/v3/objects/deals", 100);
        Some.Associations(Hs.Server, "deals");

        var changes = await Some.All(Hs.Connector().ReadOpportunitiesAsync(ReadCursor.Start, default));

        Assert.That(changes, Has.Count.EqualTo(100));
        Assert.That((Hs.Calls("GET", "/crm/v3/objects/deals").Count, Hs.Calls("POST", "/deals/companies/batch/read").Count), Is.EqualTo((1, 1)));
    }

    /// <summary>Serves <paramref name="count"/> records at <paramref name="path"/>, ids 1…count, in list pages of the requested limit.</summary>
    private void ServeList(string path, int count) =>
        Hs.Server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(Response.Create().WithCallback(req =>
        {
            var offset = req.Query!.TryGetValue("after", out var a) ? int.Parse(a[0], CultureInfo.InvariantCulture) : 0;
            var limit = int.Parse(req.Query["limit"][0], CultureInfo.InvariantCulture);
            var ids = Enumerable.Range(offset + 1, Math.Min(limit, count - offset)).Select(i => (JsonNode)Some.Record(i.ToString(CultureInfo.InvariantCulture)));
            return FakeSearch.Json(200, Some.Page(ids, offset + limit < count ? (offset + limit).ToString(CultureInfo.InvariantCulture) : null));
        }));

    [Test]
    public async Task ReadOpportunities_UnknownDealTypeAndUnexpectedFields_FieldProblemWhileOtherFieldsArrive()
    {
        var deal = Some.Record("42", new JsonObject { ["dealtype"] = "partner_deal", ["closedate"] = "2026-03-01T00:00:00.000Z", ["hs_is_closed"] = "true", ["hs_is_closed_won"] = null, ["cs_contract_start"] = 1767225600000 });
        deal["propertiesWithHistory"] = new JsonObject { ["x"] = new JsonArray() };
        deal["somethingNew"] = 3;
        Some.Json(Hs.Server, Request.Create().WithPath("/crm/v3/objects/deals").UsingGet(), 200, Some.Page([deal]));
        Some.Associations(Hs.Server, "deals");

        var change = (await Some.All(Hs.Connector().ReadOpportunitiesAsync(ReadCursor.Start, default))).Single();

        Assert.That(change.Problems.Select(p => (p.RecordId, p.Field, p.Value)), Is.EqualTo(new[] { ("42", "dealtype", "partner_deal") }));
        var opportunity = change.Record!.Opportunity;
        Assert.That((opportunity.CloseDate, opportunity.IsClosed, opportunity.IsWon, opportunity.Type), Is.EqualTo((new DateOnly(2026, 3, 1), true, false, (Rules.Model.OpportunityType?)null)));
        Assert.That(opportunity.ContractStart, Is.EqualTo(new DateOnly(2026, 1, 1)), "a number where a string was expected is read as its text");
        Assert.That(change.Record.AccountId, Is.EqualTo("942"));
    }

    [Test]
    public async Task ReadUsage_FirstRead_MetricsAndCompanyFromAssociation()
    {
        var row = Some.Record("51", new JsonObject { ["usage_date"] = "2026-05-18", ["active_users"] = "12", ["value_actions"] = "3", ["core_events"] = "40", ["projects_created"] = "2" });
        Some.Json(Hs.Server, Request.Create().WithPath("/crm/v3/objects/cs_usage").UsingGet(), 200, Some.Page([row]));
        Some.Associations(Hs.Server, "cs_usage");

        var usage = (await Some.All(Hs.Connector().ReadUsageAsync(ReadCursor.Start, default))).Single().Record!;

        Assert.That((usage.Id, usage.AccountId, usage.Usage.Date, usage.Usage.ActiveUsers, usage.Usage.ValueActions, usage.Usage.CoreEvents),
            Is.EqualTo(("51", "951", new DateOnly(2026, 5, 18), 12, 3, 40)));
        Assert.That(usage.Usage.Metrics["projects_created"], Is.EqualTo(2d));
        Assert.That(Hs.Calls("GET", "/cs_usage").Single().RequestMessage.Query!["properties"][0].Split(','), Does.Contain("projects_created").And.Not.Contain("accountId"));
    }

    [Test]
    public void ReadAccounts_MalformedJson_CrmExceptionSayingTheResponseIsUnreadable()
    {
        Hs.Server.Given(Request.Create().WithPath("/crm/v3/objects/companies").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"results\":[{\"id\":"));

        var ex = Assert.ThrowsAsync<CrmException>(async () => await Some.All(Hs.Connector().ReadAccountsAsync(ReadCursor.Start, default)));

        Assert.That(ex!.CrmCode, Is.EqualTo("UNREADABLE_RESPONSE"));
        Assert.That(ex.Message, Does.Contain("could not be read"));
    }

    [Test]
    public async Task ReadAccounts_DateVersionedPrefixConfigured_EveryObjectPathUsesIt()
    {
        const string prefix = "/crm/objects/2026-03";
        new FakeSearch("hs_lastmodifieddate", Some.Records(1, 1, _ => HubSpotHarness.Now.AddMinutes(-1).ToUnixTimeMilliseconds())).Serve(Hs.Server, prefix + "/companies");
        Some.Json(Hs.Server, Request.Create().WithPath(prefix + "/companies").UsingGet(), 200, Some.Page([]));
        Some.Json(Hs.Server, Request.Create().WithPath(prefix + "/companies/batch/update").UsingPost(), 200, new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray() });
        Some.Json(Hs.Server, Request.Create().WithPath(prefix + "/tasks/batch/create").UsingPost(), 201, new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray(new JsonObject { ["id"] = "t1" }) });
        var connector = Hs.Connector(o => o.ApiPathPrefix = prefix);

        await Some.All(connector.ReadAccountsAsync(ReadCursor.Start, default));
        await Some.All(connector.ReadAccountsAsync(Some.CursorAt(HubSpotHarness.Now.AddHours(-1)), default));
        await connector.WriteAccountsAsync([new AccountWrite("1", new Dictionary<string, object?> { [ManagedField.StageReason] = "x" })], default);
        await connector.CreateTaskAsync(new TaskRequest("1", null, "s", "d", new DateOnly(2026, 6, 1)), default);

        Assert.That(Hs.Server.LogEntries.Select(e => e.RequestMessage.Path).Distinct(),
            Is.EquivalentTo(new[] { prefix + "/companies/search", prefix + "/companies", prefix + "/companies/batch/update", prefix + "/tasks/batch/create" }));
        Assert.That(Hs.Server.LogEntries.Select(e => (int)e.ResponseMessage.StatusCode!), Is.All.LessThan(300));
    }
}
