using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using CrmStateSync.Crm.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CrmStateSync.Crm.Tests.Http;

/// <summary>
/// The real pipeline (IHttpClientFactory + AddCrmPipeline) against a WireMock server on loopback.
/// sync.md: "retries with jittered exponential backoff on 429, 5xx and timeouts; a circuit breaker so an outage ends the
/// cycle cleanly … instead of hammering the API; per-call timeouts."
/// </summary>
public sealed class CrmHttpClientBuilderExtensionsTests
{
    private const string Path = "/crm/v3/objects/companies";
    private WireMockServer _server = null!;
    private ServiceProvider _services = null!;
    private ListLoggerProvider _logs = null!;

    private static CrmResilienceOptions Options(int maxRetries = 3) => new()
    {
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = TimeSpan.FromMilliseconds(500),
        TotalTimeout = TimeSpan.FromSeconds(5),
        BreakerSamplingDuration = TimeSpan.FromSeconds(2),
        BreakerMinimumThroughput = 4,
        MaxRetryAfter = TimeSpan.FromSeconds(2),
    };

    /// <summary>Warms WireMock and the HTTP stack once, so a cold first request cannot exceed the 500 ms attempt timeout.</summary>
    [OneTimeSetUp]
    public static async Task WarmUp()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath(Path)).RespondWith(Response.Create().WithCallback(_ => new ResponseMessage { StatusCode = 200 }));
        using var client = new HttpClient { BaseAddress = new Uri(server.Url!) };
        using var response = await client.GetAsync(Path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [SetUp]
    public void SetUp()
    {
        _server = WireMockServer.Start();
        _logs = new ListLoggerProvider();
    }

    [TearDown]
    public void TearDown()
    {
        _services?.Dispose();
        _logs.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private HttpClient Client(CrmResilienceOptions? options = null, IRetryDelayRule? delayRule = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddHttpClient("t", c => c.BaseAddress = new Uri(_server.Url!)).AddCrmPipeline("t", _ => options ?? Options(), delayRule: delayRule);
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<IHttpClientFactory>().CreateClient("t");
    }

    private void Respond(int status, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        _server.Given(Request.Create().WithPath(Path)).RespondWith(response);
    }

    /// <summary>The first request gets <paramref name="status"/> (after <paramref name="firstDelay"/>), every later one 200.
    /// A counter, not a WireMock scenario: a scenario's state moves only after its response, so a quick retry races it.</summary>
    private void RespondThenOk(int status, TimeSpan firstDelay, params (string Name, string Value)[] headers)
    {
        var requests = 0;
        _server.Given(Request.Create().WithPath(Path)).RespondWith(Response.Create().WithCallback(async _ =>
        {
            var response = new ResponseMessage { StatusCode = 200 };
            if (Interlocked.Increment(ref requests) == 1)
            {
                await Task.Delay(firstDelay);
                response.StatusCode = status;
                foreach (var (name, value) in headers)
                {
                    response.AddHeader(name, value);
                }
            }

            return (IResponseMessage)response;
        }));
    }

    private void RespondThenOk(int status, params (string Name, string Value)[] headers) => RespondThenOk(status, TimeSpan.Zero, headers);

    private int Calls => _server.LogEntries.Count;

    [Test(Description = "sync.md: API calls used are counted per request the CRM received, retries included")]
    public async Task Send_429ThenOk_CallCounterCountsEveryAttempt()
    {
        RespondThenOk(429, ("Retry-After", "0"));
        var client = Client();

        using var response = await client.GetAsync(Path);

        Assert.That(_services!.GetRequiredService<CallCounter>().Calls, Is.EqualTo(Calls).And.EqualTo(2));
    }

    [TestCase("0", 0, TestName = "crm-apis.md: a 429 with Retry-After: 0 is retried and succeeds")]
    [TestCase("1", 900, TestName = "crm-apis.md: a 429 with Retry-After: 1 is retried after about a second and succeeds")]
    public async Task Send_429ThenOk_OneRetryHonouringRetryAfter(string retryAfter, int atLeastMs)
    {
        RespondThenOk(429, ("Retry-After", retryAfter));
        var client = Client();

        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Calls, Is.EqualTo(2));
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(atLeastMs)));
    }

    [Test(Description = "No Retry-After: the pipeline waits what the adapter's IRetryDelayRule reads from the response")]
    public async Task Send_429WithoutRetryAfter_WaitsTheRulesDelay()
    {
        RespondThenOk(429);
        var client = Client(delayRule: new FixedRule(TimeSpan.FromMilliseconds(300)));

        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Calls, Is.EqualTo(2));
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280)));
    }

    [Test(Description = "CrmResilienceOptions.MaxRetryAfter: the longest wait a Retry-After may impose before the call gives up")]
    public async Task Send_RetryAfterLongerThanCap_GivesUpWithoutRetrying()
    {
        Respond(429, ("Retry-After", "120"));
        var client = Client();

        using var response = await client.GetAsync(Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(Calls, Is.EqualTo(1));
    }

    [TestCase(503, TestName = "sync.md: a 503 is retried up to MaxRetries, then returned")]
    [TestCase(500, TestName = "sync.md: a 500 is retried up to MaxRetries, then returned")]
    public async Task Send_ServerErrorEveryTime_RetriedMaxRetriesThenReturned(int status)
    {
        Respond(status);
        var client = Client(Options(maxRetries: 2));

        using var response = await client.GetAsync(Path);

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(Calls, Is.EqualTo(3));
    }

    [Test]
    public async Task Send_503Then200_Succeeds()
    {
        RespondThenOk(503);
        var client = Client();

        using var response = await client.GetAsync(Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Calls, Is.EqualTo(2));
    }

    [TestCase(401, TestName = "crm-apis.md: 401 INVALID_SESSION_ID is the connector's to handle (new token once), never retried by the pipeline")]
    [TestCase(403, TestName = "crm-apis.md: 403 REQUEST_LIMIT_EXCEEDED: end the cycle cleanly, do not retry")]
    [TestCase(400, TestName = "A 400 VALIDATION_ERROR is not transient and not retried")]
    public async Task Send_ClientError_NotRetried(int status)
    {
        Respond(status);
        var client = Client();

        using var response = await client.GetAsync(Path);

        Assert.That((int)response.StatusCode, Is.EqualTo(status));
        Assert.That(Calls, Is.EqualTo(1));
    }

    [Test(Description = "sync.md: a circuit breaker so an outage ends the cycle cleanly instead of hammering the API")]
    public async Task Send_SustainedServerErrors_CircuitOpensAndNextCallFailsFast()
    {
        Respond(500);
        var client = Client(Options(maxRetries: 1));

        var opened = false;
        for (var call = 0; call < 10 && !opened; call++)
        {
            try
            {
                using var response = await client.GetAsync(Path);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            }
            catch (BrokenCircuitException)
            {
                opened = true;
            }
        }

        Assert.That(opened, Is.True, "the circuit never opened");
        var callsWhenOpened = Calls;
        Assert.That(callsWhenOpened, Is.GreaterThanOrEqualTo(4));

        Assert.That(async () => await client.GetAsync(Path), Throws.InstanceOf<BrokenCircuitException>());
        Assert.That(Calls, Is.EqualTo(callsWhenOpened));
    }

    [Test(Description = "sync.md: per-call timeouts; a timed-out attempt is retried (the first answer would come only after 2 s)")]
    public async Task Send_SlowFirstAttempt_TimesOutAndRetries()
    {
        RespondThenOk(200, TimeSpan.FromSeconds(2));
        var client = Client();

        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test(Description = "CallLoggingHandler: one log event per call with method, path, status and a correlation id sent as X-Correlation-Id")]
    public async Task Send_Call_LoggedWithMethodPathStatusAndCorrelationId()
    {
        Respond(200);
        var client = Client();

        using var response = await client.GetAsync(Path + "?limit=100");

        var sent = _server.LogEntries.Single().RequestMessage.Headers!;
        Assert.That(sent, Does.ContainKey(CallLoggingHandler.CorrelationHeader));
        var correlationId = sent[CallLoggingHandler.CorrelationHeader].Single();
        Assert.That(correlationId, Is.Not.Empty);
        var line = _logs.Lines.Where(l => l.Contains(nameof(CallLoggingHandler), StringComparison.Ordinal)).ToList();
        Assert.That(line, Has.Count.EqualTo(1));
        Assert.That(line[0], Does.Contain("GET").And.Contain(Path + "?limit=100").And.Contain("200").And.Contain(correlationId));
    }

    [Test(Description = "sync.md: secrets only from environment or secret files, never logged")]
    public async Task Send_AuthorizationAndQueryToken_NeverInAnyLogLine()
    {
        const string headerToken = "pat-na1-11112222-3333-4444-5555-header";
        const string queryToken = "00DQueryTokenValue.ABC";
        RespondThenOk(503);
        var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Path}?access_token={queryToken}&limit=10");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + headerToken);

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_server.LogEntries[0].RequestMessage.Headers!["Authorization"].Single(), Is.EqualTo("Bearer " + headerToken));
        Assert.That(_logs.Lines, Is.Not.Empty);
        Assert.That(_logs.Lines, Has.Some.Contains(nameof(CallLoggingHandler)));
        Assert.That(_logs.Lines, Has.None.Contains(headerToken));
        Assert.That(_logs.Lines, Has.None.Contains(queryToken));
    }

    private sealed class FixedRule(TimeSpan? delay) : IRetryDelayRule
    {
        public TimeSpan? DelayFor(HttpStatusCode status, HttpResponseHeaders headers) => delay;
    }
}
