using System.Globalization;

namespace CrmStateSync.Crm.HubSpot.Tests;

public sealed class HubSpotSearchReadTests : HubSpotHarnessTests
{
    private static readonly long NowMs = HubSpotHarness.Now.ToUnixTimeMilliseconds();

    /// <summary>Runs after the base class has started the harness: every GET no test stubs answers an empty page.</summary>
    [SetUp]
    public void AnswerUnstubbedGetsWithAnEmptyPage() => Some.Json(Hs.Server, Request.Create().UsingGet(), 200, Some.Page([]));

    [Test]
    public async Task ReadOpportunities_450Changed_ThreeSearchPagesAndOneAssociationCallForAllOfThem()
    {
        new FakeSearch("hs_lastmodifieddate", Some.Records(450, 1, i => NowMs - 600_000 + i)).Serve(Hs.Server, "/crm/v3/objects/deals");
        Some.Associations(Hs.Server, "deals");

        var changes = await Some.All(Hs.Connector().ReadOpportunitiesAsync(Some.CursorAt(HubSpotHarness.Now.AddHours(-1)), default));

        Assert.That(changes, Has.Count.EqualTo(450));
        Assert.That(Hs.Calls("POST", "/deals/search"), Has.Count.EqualTo(3), "⌈450/200⌉ search pages");
        var links = Hs.Calls("POST", "/crm/v4/associations/deals/companies/batch/read");
        Assert.That(links.Select(c => HubSpotHarness.Body(c).GetProperty("inputs").GetArrayLength()), Is.EqualTo(new[] { 450 }), "⌈450/1,000⌉: the v4 batch read takes 1,000 ids");
        Assert.That(changes[0].Record!.AccountId, Is.EqualTo("91"));
        Assert.That(changes.Select(c => c.Id).Distinct().Count(), Is.EqualTo(450));
    }

    [Test]
    public async Task ReadAccounts_SettledCursor_SearchesFromJustAfterTheCursorWithoutLookBack()
    {
        new FakeSearch("hs_lastmodifieddate", []).Serve(Hs.Server, "/crm/v3/objects/companies");
        var cursor = HubSpotHarness.Now.AddHours(-1);

        await Some.All(Hs.Connector().ReadAccountsAsync(Some.CursorAt(cursor) with { Settled = true }, default));

        var filters = HubSpotHarness.Body(Hs.Calls("POST", "/companies/search").Single()).GetProperty("filterGroups")[0].GetProperty("filters");
        Assert.That(Filter(filters[0]), Is.EqualTo(("hs_lastmodifieddate", "GTE", (cursor.ToUnixTimeMilliseconds() + 1).ToString(CultureInfo.InvariantCulture))));
    }

    [Test]
    public async Task ReadOpportunities_SettledQuietPortal_OneSearchAndNoAssociationRead()
    {
        var cursorMs = NowMs - 3_600_000;
        // Records stamped in the cursor's own millisecond (a batch update stamps 100 alike) were read before the cursor settled.
        new FakeSearch("hs_lastmodifieddate", Some.Records(150, 1, _ => cursorMs)).Serve(Hs.Server, "/crm/v3/objects/deals");
        Some.Associations(Hs.Server, "deals");
        var cursor = new ReadCursor(DateTimeOffset.FromUnixTimeMilliseconds(cursorMs), "150") { Settled = true };

        var changes = await Some.All(Hs.Connector().ReadOpportunitiesAsync(cursor, default));

        Assert.That(changes, Is.Empty);
        Assert.That(Hs.Server.LogEntries, Has.Count.EqualTo(1), "sync.md: a cycle with nothing changed makes at most one read call per object");
        Assert.That(Hs.Calls("POST", "/deals/search"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ReadAccounts_SixSearchPagesAtTwoPerSecond_ThirdSearchWaitsForTheSearchWindowWhileOtherCallsGo()
    {
        new FakeSearch("hs_lastmodifieddate", Some.Records(1_100, 1, i => NowMs - 600_000 + i)).Serve(Hs.Server, "/crm/v3/objects/companies");
        var connector = Hs.Connector(o =>
        {
            o.SearchRequestsPerSecond = 2;
            o.RateLimitAutoReplenish = false;
            // The limiter ignores a manual replenish sooner than one segment after the last: short segments keep this quick.
            o.SearchRateLimitWindow = TimeSpan.FromMilliseconds(50);
        });

        var read = Some.All(connector.ReadAccountsAsync(Some.CursorAt(HubSpotHarness.Now.AddHours(-1)), default));
        await UntilAsync(() => Hs.Limiter.SearchesWaiting == 1);
        var searchesBeforeReplenish = Hs.Calls("POST", "/companies/search").Count;
        await connector.DescribeAsync(CrmObject.Account, default);
        var replenished = 0;
        while (!read.IsCompleted && replenished < 20 * Http.HubSpotRateLimiter.SegmentsPerWindow)
        {
            Hs.Limiter.ReplenishSearch();
            replenished++;
            await UntilAsync(() => read.IsCompleted, TimeSpan.FromMilliseconds(10));
        }

        var changes = await read;

        Assert.That(searchesBeforeReplenish, Is.EqualTo(2), "two searches in the first window, the third held");
        Assert.That(replenished, Is.GreaterThanOrEqualTo(2 * Http.HubSpotRateLimiter.SegmentsPerWindow), "six searches at two a window need the window to move on at least twice");
        Assert.That(Hs.Calls("GET", "/crm/v3/properties/companies"), Has.Count.EqualTo(1), "a call that is not a search does not wait for the search window");
        Assert.That(Hs.Calls("POST", "/companies/search"), Has.Count.EqualTo(6), "⌈1,100/200⌉ pages");
        Assert.That(changes, Has.Count.EqualTo(1_100));
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(20));
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
    }

    [Test]
    public async Task ReadAccounts_CursorSet_LooksBackFromCursorToNowSortedByTimestampThenId()
    {
        new FakeSearch("hs_lastmodifieddate", []).Serve(Hs.Server, "/crm/v3/objects/companies");
        var cursor = HubSpotHarness.Now.AddHours(-1);

        await Some.All(Hs.Connector().ReadAccountsAsync(Some.CursorAt(cursor), default));

        var body = HubSpotHarness.Body(Hs.Calls("POST", "/companies/search").Single());
        var filters = body.GetProperty("filterGroups")[0].GetProperty("filters");
        Assert.That(Filter(filters[0]), Is.EqualTo(("hs_lastmodifieddate", "GTE", cursor.AddMinutes(-5).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))));
        Assert.That(Filter(filters[1]), Is.EqualTo(("hs_lastmodifieddate", "LTE", NowMs.ToString(CultureInfo.InvariantCulture))));
        Assert.That(body.GetProperty("sorts").EnumerateArray().Select(s => s.GetProperty("propertyName").GetString() + " " + s.GetProperty("direction").GetString()),
            Is.EqualTo(new[] { "hs_lastmodifieddate ASCENDING", "hs_object_id ASCENDING" }));
        Assert.That(body.GetProperty("limit").GetInt32(), Is.EqualTo(200));
        Assert.That(body.GetProperty("properties").EnumerateArray().Select(p => p.GetString()), Does.Contain("cs_lifecycle_stage").And.Contain("hs_lastmodifieddate"));
    }

    [Test]
    public async Task ReadContacts_CursorSet_FiltersOnLastmodifieddateNotHsLastmodifieddate()
    {
        new FakeSearch("lastmodifieddate", Some.Records(3, 1, i => NowMs - 1000)).Serve(Hs.Server, "/crm/v3/objects/contacts");
        Some.Associations(Hs.Server, "contacts");

        var changes = await Some.All(Hs.Connector().ReadContactsAsync(Some.CursorAt(HubSpotHarness.Now.AddHours(-1)), default));

        var body = HubSpotHarness.Body(Hs.Calls("POST", "/contacts/search").Single());
        var names = body.GetProperty("filterGroups")[0].GetProperty("filters").EnumerateArray().Select(f => f.GetProperty("propertyName").GetString());
        Assert.That(names, Is.All.EqualTo("lastmodifieddate"));
        Assert.That(changes.Select(c => c.ModifiedAt), Is.All.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(NowMs - 1000)));
    }

    [Test]
    public async Task ReadAccounts_TiedTimestampsAcrossPageBoundary_EveryRecordOnce()
    {
        // Records 151..300 share one millisecond; the page boundary at 200 falls inside the tie.
        new FakeSearch("hs_lastmodifieddate", Some.Records(300, 1, i => i < 150 ? NowMs - 5000 + i : NowMs - 1000)).Serve(Hs.Server, "/crm/v3/objects/companies");

        var changes = await Some.All(Hs.Connector().ReadAccountsAsync(Some.CursorAt(HubSpotHarness.Now.AddHours(-1)), default));

        Assert.That(changes.Select(c => c.Id), Is.EquivalentTo(Enumerable.Range(1, 300).Select(i => i.ToString(CultureInfo.InvariantCulture))));
        Assert.That(Hs.Calls("POST", "/companies/search"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task ReadAccounts_WindowTotal25000_SplitInHalvesSoNoQueryPagesPast10000()
    {
        var from = HubSpotHarness.Now.AddHours(-10).ToUnixTimeMilliseconds();
        new FakeSearch("hs_lastmodifieddate", Some.Records(25_000, 1, i => from + (i * 1000L))).Serve(Hs.Server, "/crm/v3/objects/companies");

        var changes = await Some.All(Hs.Connector(o => o.LookBack = TimeSpan.Zero).ReadAccountsAsync(Some.CursorAt(HubSpotHarness.Now.AddHours(-10)), default));

        var calls = Hs.Calls("POST", "/companies/search");
        Assert.That(changes.Select(c => c.Id).Distinct().Count(), Is.EqualTo(25_000));
        Assert.That(changes, Has.Count.EqualTo(25_000));
        Assert.That(FakeSearch.Afters(calls).Select(a => a is null ? 0 : int.Parse(a, CultureInfo.InvariantCulture)), Is.All.LessThanOrEqualTo(10_000 - 200));
        Assert.That(calls.Select(c => (int)c.ResponseMessage.StatusCode!), Is.All.EqualTo(200));
        var windows = calls.Select(Window).Distinct().ToList();
        var mid = from + ((NowMs - from) / 2);
        Assert.That(windows.Take(3), Is.EqualTo(new[] { (from, NowMs), (from, mid), (from, from + ((mid - from) / 2)) }));
        Assert.That(windows, Does.Contain((mid + 1, NowMs)));
    }

    [Test]
    public async Task ReadAccounts_12000AtOneTimestamp_ReadCompletelyByIdPaging()
    {
        var tied = NowMs - 60_000;
        (long, long)[] records = [.. Some.Records(12_000, 1, _ => tied), .. Some.Records(10, 50_000, i => tied + 1000 + i)];
        new FakeSearch("hs_lastmodifieddate", records).Serve(Hs.Server, "/crm/v3/objects/companies");

        var changes = await Some.All(Hs.Connector().ReadAccountsAsync(Some.CursorAt(HubSpotHarness.Now.AddHours(-1)), default));

        Assert.That(changes.Select(c => c.Id).Distinct().Count(), Is.EqualTo(12_010));
        var byId = Hs.Calls("POST", "/companies/search").Select(HubSpotHarness.Body)
            .Where(b => b.GetProperty("sorts")[0].GetProperty("propertyName").GetString() == "hs_object_id").ToList();
        Assert.That(byId, Has.Count.EqualTo(60), "12,000 / 200 keyset pages");
        Assert.That(byId.Select(b => b.TryGetProperty("after", out _)), Is.All.False);
        Assert.That(Filter(byId[1].GetProperty("filterGroups")[0].GetProperty("filters")[2]), Is.EqualTo(("hs_object_id", "GT", "200")));
        Assert.That(byId.Select(b => Window(b)), Is.All.EqualTo((tied, tied)));
    }

    private static (string?, string?, string?) Filter(JsonElement f) =>
        (f.GetProperty("propertyName").GetString(), f.GetProperty("operator").GetString(), f.GetProperty("value").GetString());

    private static (long, long) Window(WireMock.Logging.ILogEntry call) => Window(HubSpotHarness.Body(call));

    private static (long, long) Window(JsonElement body)
    {
        var f = body.GetProperty("filterGroups")[0].GetProperty("filters");
        return (long.Parse(f[0].GetProperty("value").GetString()!, CultureInfo.InvariantCulture), long.Parse(f[1].GetProperty("value").GetString()!, CultureInfo.InvariantCulture));
    }
}
