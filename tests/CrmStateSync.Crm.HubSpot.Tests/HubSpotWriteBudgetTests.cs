namespace CrmStateSync.Crm.HubSpot.Tests;

/// <summary>
/// Crm:HubSpot:WriteBudgetShare, as Salesforce's: once the portal's daily use (HubSpot's headers, else our own count
/// against DailyLimit) reaches the share, batch updates and task creates are not sent and come back as transient
/// refusals (WRITE_BUDGET_SHARE) for the next cycle; reads go on.
/// </summary>
public sealed class HubSpotWriteBudgetTests : HubSpotHarnessTests
{
    private const string UpdatePath = "/crm/v3/objects/companies/batch/update";
    private const string CreatePath = "/crm/v3/objects/tasks/batch/create";
    private const string PropertiesPath = "/crm/v3/properties/companies";

    [Test]
    public async Task WritesAndTaskCreates_UseBelowTheShare_EveryBatchSent()
    {
        StubUpdate(dailyMax: 1000, dailyRemaining: 600);
        StubCreate(dailyMax: 1000, dailyRemaining: 599);
        var connector = Hs.Connector(o => o.WriteBudgetShare = 0.5);

        var writes = await connector.WriteAccountsAsync(Writes(150), default);
        var tasks = await connector.CreateTasksAsync([.. Enumerable.Range(1, 150).Select(i => Task($"{i}"))], default);

        Assert.Multiple(() =>
        {
            Assert.That(Hs.Calls("POST", UpdatePath), Has.Count.EqualTo(2));
            Assert.That(Hs.Calls("POST", CreatePath), Has.Count.EqualTo(2));
            Assert.That(writes.Select(r => r.Success), Is.All.True);
            Assert.That(tasks.Select(r => r.Fate), Is.All.EqualTo(TaskFate.Created));
        });
    }

    [Test]
    public async Task Writes_ResponseSaysShareUsed_LaterBatchesAndTaskCreatesNotSentAndHeldBackTransient()
    {
        StubUpdate(dailyMax: 1000, dailyRemaining: 500);
        StubCreate(dailyMax: 1000, dailyRemaining: 500);
        var connector = Hs.Connector(o => o.WriteBudgetShare = 0.5);

        var writes = await connector.WriteAccountsAsync(Writes(150), default);
        var tasks = await connector.CreateTasksAsync([Task("1"), Task("2")], default);

        Assert.Multiple(() =>
        {
            Assert.That(Hs.Calls("POST", UpdatePath), Has.Count.EqualTo(1), "the first batch's answer said 500/1000 used; the second is not sent");
            Assert.That(writes.Take(100).Select(r => r.Success), Is.All.True);
            Assert.That(writes.Skip(100).Select(r => (r.Success, r.Transient, r.Errors.Single().Code)), Is.All.EqualTo((false, true, "WRITE_BUDGET_SHARE")));
            Assert.That(writes.Skip(100).Select(r => r.RecordId), Is.EqualTo(Enumerable.Range(101, 50).Select(i => $"{i}")));
            Assert.That(writes[149].Errors[0].Message, Does.Contain("500/1000").And.Contain("Crm:HubSpot:WriteBudgetShare"));
            Assert.That(Hs.Calls("POST", CreatePath), Is.Empty);
            Assert.That(tasks.Select(r => (r.AccountId, r.Fate, r.Transient, r.Errors.Single().Code)),
                Is.EqualTo(new[] { ("1", TaskFate.Refused, true, "WRITE_BUDGET_SHARE"), ("2", TaskFate.Refused, true, "WRITE_BUDGET_SHARE") }));
            Assert.That(tasks[0].Errors[0].Message, Does.Contain("Crm:HubSpot:WriteBudgetShare"));
        });
    }

    [Test]
    public async Task Reads_ShareUsed_StillSent()
    {
        StubUpdate(dailyMax: 1000, dailyRemaining: 100);
        Some.Json(Hs.Server, Request.Create().WithPath(PropertiesPath).UsingGet(), 200, new JsonObject { ["results"] = new JsonArray() });
        var connector = Hs.Connector(o => o.WriteBudgetShare = 0.5);
        await connector.WriteAccountsAsync(Writes(1), default);

        var held = await connector.WriteAccountsAsync(Writes(1), default);
        var description = await connector.DescribeAsync(CrmObject.Account, default);

        Assert.That((held[0].Errors.Single().Code, Hs.Calls("POST", UpdatePath).Count), Is.EqualTo(("WRITE_BUDGET_SHARE", 1)));
        Assert.That((description.Name, Hs.Calls("GET", PropertiesPath).Count), Is.EqualTo(("companies", 1)));
    }

    [Test]
    public async Task Writes_NoDailyHeaders_OwnCountAgainstDailyLimitDecides()
    {
        Some.Json(Hs.Server, Request.Create().WithPath(UpdatePath).UsingPost(), 200, new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray() });
        var connector = Hs.Connector(o => (o.DailyLimit, o.WriteBudgetShare) = (4, 0.5));

        var first = await connector.WriteAccountsAsync(Writes(1), default); // 0/4 used before it
        var second = await connector.WriteAccountsAsync(Writes(1), default); // 1/4
        var third = await connector.WriteAccountsAsync(Writes(1), default); // 2/4: at the share

        Assert.That((first[0].Success, second[0].Success, Hs.Calls("POST", UpdatePath).Count), Is.EqualTo((true, true, 2)));
        Assert.That((third[0].Transient, third[0].Errors.Single().Code), Is.EqualTo((true, "WRITE_BUDGET_SHARE")));
        Assert.That(third[0].Errors[0].Message, Does.Contain("2/4").And.Contain("Crm:HubSpot:WriteBudgetShare"));
    }

    private void StubUpdate(long dailyMax, long dailyRemaining) =>
        Hs.Server.Given(Request.Create().WithPath(UpdatePath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200)
            .WithHeader("Content-Type", "application/json").WithHeader("X-HubSpot-RateLimit-Daily", $"{dailyMax}").WithHeader("X-HubSpot-RateLimit-Daily-Remaining", $"{dailyRemaining}")
            .WithBody(new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray() }.ToJsonString()));

    /// <summary>201 for every input (task id <c>t-{index}</c>, matched by trace id) with the given daily headers.</summary>
    private void StubCreate(long dailyMax, long dailyRemaining) =>
        Hs.Server.Given(Request.Create().WithPath(CreatePath).UsingPost()).RespondWith(Response.Create().WithStatusCode(201)
            .WithHeader("Content-Type", "application/json").WithHeader("X-HubSpot-RateLimit-Daily", $"{dailyMax}").WithHeader("X-HubSpot-RateLimit-Daily-Remaining", $"{dailyRemaining}")
            .WithBody(r => Created(r.Body!)));

    private static string Created(string request)
    {
        var inputs = JsonDocument.Parse(request).RootElement.GetProperty("inputs").EnumerateArray();
        var results = inputs.Select(i => i.GetProperty("objectWriteTraceId").GetString()!).Select(trace => (JsonNode)new JsonObject
        {
            ["id"] = "t-" + trace, ["objectWriteTraceId"] = trace, ["properties"] = new JsonObject(), ["archived"] = false,
        });
        return new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray([.. results]) }.ToJsonString();
    }

    private static List<AccountWrite> Writes(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new AccountWrite($"{i}", new Dictionary<string, object?> { [ManagedField.StageReason] = "why" }))];

    private static TaskRequest Task(string companyId) =>
        new(companyId, null, "Adoption is slipping", "why", new DateOnly(2026, 6, 1)) { Marker = $"[crmstatesync:AdoptionIntervention:{companyId}]" };
}
