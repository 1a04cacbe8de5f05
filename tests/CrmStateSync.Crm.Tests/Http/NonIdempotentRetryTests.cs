using CrmStateSync.Crm.Http;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CrmStateSync.Crm.Tests.Http;

/// <summary>
/// sync.md "Tasks exactly once": creating a task is not idempotent, so no layer resends a create blindly. The pipeline
/// retries a request marked <see cref="NonIdempotent"/> only when the CRM refused it before processing (429, 503, a
/// connection that never opened); after a reset, a timeout or a 500 the create may have landed, so it is not resent.
/// </summary>
public sealed class NonIdempotentRetryTests
{
    private const string Path = "/crm/v3/objects/tasks/batch/create";
    private ServiceProvider? _services;

    private static CrmResilienceOptions Options(TimeSpan attemptTimeout) => new()
    {
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = attemptTimeout,
        TotalTimeout = TimeSpan.FromSeconds(30),
        BreakerSamplingDuration = TimeSpan.FromSeconds(30),
        BreakerMinimumThroughput = 100,
    };

    [TearDown]
    public void TearDown() => _services?.Dispose();

    [TestCase(true, 1, TestName = "Send_CreateResetAfterItLanded_NotResent")]
    [TestCase(false, 4, TestName = "Send_IdempotentRequestReset_StillRetried")]
    public async Task Send_ConnectionResetAfterTheRequestWasRead(bool create, int expectedRequests)
    {
        using var server = new ResettingServer();

        Assert.ThrowsAsync<HttpRequestException>(() => Client(server.Url).SendAsync(Post(create)));
        await Task.Delay(200);

        Assert.That(server.Received, Is.EqualTo(expectedRequests));
    }

    [TestCase(500, 1, TestName = "Send_CreateAnswered500_NotResentItMayHaveLanded")]
    [TestCase(502, 1, TestName = "Send_CreateAnswered502_NotResentItMayHaveLanded")]
    [TestCase(503, 2, TestName = "Send_CreateAnswered503_RetriedRefusedBeforeProcessing")]
    [TestCase(429, 2, TestName = "Send_CreateAnswered429_RetriedThrottledBeforeProcessing")]
    public async Task Send_CreateFailsOnceThenSucceeds(int status, int expectedRequests)
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath(Path)).InScenario("s").WillSetStateTo("ok").RespondWith(Response.Create().WithStatusCode(status));
        server.Given(Request.Create().WithPath(Path)).InScenario("s").WhenStateIs("ok").RespondWith(Response.Create().WithStatusCode(201));

        using var response = await Client(new Uri(server.Url!)).SendAsync(Post(create: true));

        Assert.That(server.LogEntries.Count, Is.EqualTo(expectedRequests));
    }

    [Test]
    public async Task Send_CreateTimesOutAfterItLanded_NotResent()
    {
        using var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath(Path)).RespondWith(Response.Create().WithStatusCode(201).WithDelay(TimeSpan.FromSeconds(3)));

        Assert.ThrowsAsync<Polly.Timeout.TimeoutRejectedException>(() => Client(new Uri(server.Url!), TimeSpan.FromSeconds(1)).SendAsync(Post(create: true)));
        await Task.Delay(TimeSpan.FromSeconds(3)); // WireMock logs a delayed request once answered; a resend would be logged by then too

        Assert.That(server.LogEntries.Count, Is.EqualTo(1));
    }

    private static HttpRequestMessage Post(bool create)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent("""{"inputs":[]}""") };
        request.Options.Set(NonIdempotent.Key, create);
        return request;
    }

    private HttpClient Client(Uri url, TimeSpan? attemptTimeout = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHttpClient("t", c => c.BaseAddress = url).AddCrmPipeline("t", _ => Options(attemptTimeout ?? TimeSpan.FromSeconds(10)));
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<IHttpClientFactory>().CreateClient("t");
    }
}
