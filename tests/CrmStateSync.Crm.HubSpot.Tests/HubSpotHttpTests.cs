namespace CrmStateSync.Crm.HubSpot.Tests;

public sealed class HubSpotHttpTests : HubSpotHarnessTests
{
    private const string ListPath = "/crm/v3/objects/companies";
    [Test]
    public void ReadAccounts_401_AuthenticationErrorNamesTheCredentialWithoutTheToken()
    {
        Some.Json(Hs.Server, Request.Create().WithPath(ListPath).UsingGet(), 401, new JsonObject
        {
            ["status"] = "error", ["category"] = "INVALID_AUTHENTICATION", ["correlationId"] = "c-1",
            ["message"] = $"Authentication credentials not found. Token {HubSpotHarness.Token} is expired",
        });

        var ex = Assert.ThrowsAsync<CrmAuthenticationException>(async () => await Some.All(Hs.Connector().ReadAccountsAsync(ReadCursor.Start, default)));

        Assert.That(ex!.Credential, Is.EqualTo("Crm:HubSpot:AccessToken"));
        Assert.That((ex.CrmCode, ex.HttpStatus), Is.EqualTo(("INVALID_AUTHENTICATION", 401)));
        Assert.That(ex.Message, Does.Contain("Crm:HubSpot:AccessToken").And.Contain("Authentication credentials not found").And.Not.Contain(HubSpotHarness.Token));
        Assert.That(Hs.Calls("GET", ListPath), Has.Count.EqualTo(1), "401 is not retried");
    }

    [Test]
    public async Task ReadAccounts_429TenSecondlyWithIntervalHeader_WaitsAndSucceeds()
    {
        Hs.Server.Given(Request.Create().WithPath(ListPath).UsingGet()).InScenario("throttle").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Content-Type", "application/json")
                .WithHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "300").WithHeader("X-HubSpot-RateLimit-Remaining", "0")
                .WithBody("""{"status":"error","errorType":"RATE_LIMIT","policyName":"TEN_SECONDLY_ROLLING","message":"You have reached your ten_secondly_rolling limit.","correlationId":"x"}"""));
        Hs.Server.Given(Request.Create().WithPath(ListPath).UsingGet()).InScenario("throttle").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithHeader("X-HubSpot-RateLimit-Daily", "250000").WithHeader("X-HubSpot-RateLimit-Daily-Remaining", "249000")
                .WithBody(Some.Page([Some.Record("1")]).ToJsonString()));
        var connector = Hs.Connector();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var changes = await Some.All(connector.ReadAccountsAsync(ReadCursor.Start, default));

        Assert.That(changes.Single().Id, Is.EqualTo("1"));
        Assert.That(Hs.Calls("GET", ListPath), Has.Count.EqualTo(2));
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280)), "the adapter registers HubSpotRetryDelays: the window is waited out, not the 1 ms backoff");
        Assert.That((connector.Usage.Used, connector.Usage.Max), Is.EqualTo(((long?)1000, (long?)250_000)));
        Assert.That(connector.Usage.CallsMade, Is.EqualTo(2), "every request the CRM received counts against its budget, the retry included");
    }

    [Test]
    public void ReadAccounts_429DailyPolicy_BudgetExhaustedWithoutRetrying()
    {
        Some.Json(Hs.Server, Request.Create().WithPath(ListPath).UsingGet(), 429, new JsonObject
        {
            ["status"] = "error", ["errorType"] = "RATE_LIMIT", ["policyName"] = "DAILY", ["message"] = "You have reached your daily limit.",
        });

        var ex = Assert.ThrowsAsync<CrmBudgetExhaustedException>(async () => await Some.All(Hs.Connector().ReadAccountsAsync(ReadCursor.Start, default)));

        Assert.That((ex!.CrmCode, ex.HttpStatus), Is.EqualTo(("DAILY", 429)));
        Assert.That(ex.Message, Does.Contain("You have reached your daily limit."));
        Assert.That(Hs.Calls("GET", ListPath), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task ReadAccounts_503Then200_Retried()
    {
        Hs.Server.Given(Request.Create().WithPath(ListPath).UsingGet()).InScenario("blip").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503));
        Hs.Server.Given(Request.Create().WithPath(ListPath).UsingGet()).InScenario("blip").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Some.Page([Some.Record("1")]).ToJsonString()));

        var changes = await Some.All(Hs.Connector().ReadAccountsAsync(ReadCursor.Start, default));

        Assert.That(changes, Has.Count.EqualTo(1));
        Assert.That(Hs.Calls("GET", ListPath), Has.Count.EqualTo(2));
    }

    [Test]
    public void ReadAccounts_SustainedOutage_CircuitOpensAndTheNextReadFailsFastAsUnavailable()
    {
        Hs.Server.Given(Request.Create().WithPath(ListPath).UsingGet()).RespondWith(Response.Create().WithStatusCode(500));
        var connector = Hs.Connector(o =>
        {
            o.Resilience.BreakerMinimumThroughput = 4;
            o.Resilience.MaxRetries = 4;
        });

        var first = Assert.ThrowsAsync<CrmUnavailableException>(async () => await Some.All(connector.ReadAccountsAsync(ReadCursor.Start, default)));
        var reached = Hs.Calls("GET", ListPath).Count;
        var second = Assert.ThrowsAsync<CrmUnavailableException>(async () => await Some.All(connector.ReadAccountsAsync(ReadCursor.Start, default)));

        Assert.That(first!.Message, Does.Contain("unavailable"));
        Assert.That(second!.InnerException, Is.InstanceOf<Polly.CircuitBreaker.BrokenCircuitException>());
        Assert.That(Hs.Calls("GET", ListPath), Has.Count.EqualTo(reached), "an open circuit sends nothing");
        Assert.That(reached, Is.LessThanOrEqualTo(5));
    }

    [Test]
    public async Task RateLimiter_FivePerWindow_HoldsFurtherCallsUntilTheWindowMoves()
    {
        Some.Json(Hs.Server, Request.Create().WithPath("/crm/v3/properties/companies").UsingGet(), 200, new JsonObject { ["results"] = new JsonArray() });
        var connector = Hs.Connector(o =>
        {
            o.RequestsPer10Seconds = 5;
            o.RateLimitWindow = TimeSpan.FromSeconds(1);
            o.RateLimitAutoReplenish = false;
        });

        var calls = Enumerable.Range(0, 8).Select(_ => connector.DescribeAsync(CrmObject.Account, default)).ToList();

        // No permit comes back until the test replenishes, so exactly five calls can finish: wait for them.
        await UntilAsync(() => calls.Count(c => c.IsCompleted) >= 5);
        var heldBack = calls.Count(c => !c.IsCompleted);
        var reachedBeforeReplenish = Hs.Server.LogEntries.Count;
        var replenished = 0;
        while (!calls.TrueForAll(c => c.IsCompleted) && replenished < 5 * Http.HubSpotRateLimiter.SegmentsPerWindow)
        {
            Hs.Limiter.Replenish();
            replenished++;
            await UntilAsync(() => calls.TrueForAll(c => c.IsCompleted), TimeSpan.FromMilliseconds(50));
        }

        await Task.WhenAll(calls);

        Assert.That((reachedBeforeReplenish, heldBack), Is.EqualTo((5, 3)));
        Assert.That(replenished, Is.InRange(1, 2 * Http.HubSpotRateLimiter.SegmentsPerWindow), "the held calls go once the window has moved on");
        Assert.That(Hs.Server.LogEntries, Has.Count.EqualTo(8));
    }

    [Test]
    public void ReadAccounts_DailyLimitReached_BudgetExhaustedBeforeSending()
    {
        Some.Json(Hs.Server, Request.Create().WithPath(ListPath).UsingGet(), 200, Some.Page([Some.Record("1")], after: "1"));
        var connector = Hs.Connector(o => o.DailyLimit = 3);

        var ex = Assert.ThrowsAsync<CrmBudgetExhaustedException>(async () => await Some.All(connector.ReadAccountsAsync(ReadCursor.Start, default)));

        Assert.That(ex!.Message, Does.Contain("Crm:HubSpot:DailyLimit"));
        Assert.That(Hs.Calls("GET", ListPath), Has.Count.EqualTo(3));
    }

    private static async Task UntilAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(20));
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
    }
}
