using System.Net;
using System.Net.Http.Headers;
using CrmStateSync.Crm.Http;

namespace CrmStateSync.Crm.Tests.Http;

public sealed class RetryDelaysTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 20, 49, 32, TimeSpan.Zero);

    private static HttpResponseHeaders Headers(Action<HttpResponseHeaders> set)
    {
        using var response = new HttpResponseMessage();
        set(response.Headers);
        return response.Headers;
    }

    [TestCase(HttpStatusCode.TooManyRequests, TestName = "crm-apis.md: Retry-After (delta seconds) is honoured on a 429")]
    [TestCase(HttpStatusCode.ServiceUnavailable, TestName = "Retry-After (delta seconds) is honoured on a 503")]
    public void FromResponse_RetryAfterDelta_ThatDelay(HttpStatusCode status) =>
        Assert.That(RetryDelays.FromResponse(status, Headers(h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7))), Now),
            Is.EqualTo(TimeSpan.FromSeconds(7)));

    [Test(Description = "crm-apis.md: Retry-After as an HTTP date is honoured")]
    public void FromResponse_RetryAfterDate_UntilThen() =>
        Assert.That(RetryDelays.FromResponse(HttpStatusCode.TooManyRequests, Headers(h => h.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(30))), Now),
            Is.EqualTo(TimeSpan.FromSeconds(30)));

    [Test]
    public void FromResponse_RetryAfterDateInThePast_Zero() =>
        Assert.That(RetryDelays.FromResponse(HttpStatusCode.TooManyRequests, Headers(h => h.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(-5))), Now),
            Is.EqualTo(TimeSpan.Zero));

    [Test(Description = "No Retry-After: the CRM's own rule (its adapter's IRetryDelayRule) names the wait")]
    public void FromResponse_NoRetryAfter_TheRulesDelay() =>
        Assert.That(RetryDelays.FromResponse(HttpStatusCode.TooManyRequests, Headers(_ => { }), Now, new FixedRule(TimeSpan.FromSeconds(10))),
            Is.EqualTo(TimeSpan.FromSeconds(10)));

    [Test(Description = "Retry-After, when present, wins over the CRM's own rule")]
    public void FromResponse_RetryAfterAndRule_RetryAfterWins() =>
        Assert.That(RetryDelays.FromResponse(HttpStatusCode.TooManyRequests, Headers(h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2))), Now,
            new FixedRule(TimeSpan.FromSeconds(10))), Is.EqualTo(TimeSpan.FromSeconds(2)));

    [Test]
    public void FromResponse_RuleAsksNothing_Backoff() =>
        Assert.That(RetryDelays.FromResponse(HttpStatusCode.Locked, Headers(_ => { }), Now, new FixedRule(null)), Is.Null);

    [TestCase(HttpStatusCode.TooManyRequests)]
    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.Locked, TestName = "No rule: the shared pipeline knows no CRM's 423 wait")]
    public void FromResponse_NoHeadersNoRule_Backoff(HttpStatusCode status) =>
        Assert.That(RetryDelays.FromResponse(status, Headers(_ => { }), Now), Is.Null);

    [TestCase(30, 30, TestName = "A requested wait under the cap is kept")]
    [TestCase(60, 60, TestName = "A requested wait equal to the cap is kept")]
    public void Capped_WithinCap_Kept(int seconds, int expected) =>
        Assert.That(RetryDelays.Capped(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(60)), Is.EqualTo(TimeSpan.FromSeconds(expected)));

    [Test]
    public void Capped_OverCap_Null() =>
        Assert.That(RetryDelays.Capped(TimeSpan.FromSeconds(61), TimeSpan.FromSeconds(60)), Is.Null);

    [Test]
    public void Capped_Nothing_Null() =>
        Assert.That(RetryDelays.Capped(null, TimeSpan.FromSeconds(60)), Is.Null);

    private sealed class FixedRule(TimeSpan? delay) : IRetryDelayRule
    {
        public TimeSpan? DelayFor(HttpStatusCode status, HttpResponseHeaders headers) => delay;
    }
}
