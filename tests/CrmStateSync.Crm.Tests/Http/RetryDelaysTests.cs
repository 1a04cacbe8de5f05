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

    [Test(Description = "crm-apis.md: Retry-After may or may not come; otherwise wait out the named window")]
    public void FromResponse_HubSpot429WithoutRetryAfter_IntervalWindow() =>
        Assert.That(RetryDelays.FromResponse(HttpStatusCode.TooManyRequests, Headers(h => h.Add(RetryDelays.HubSpotIntervalHeader, "10000")), Now),
            Is.EqualTo(TimeSpan.FromSeconds(10)));

    [Test]
    public void FromResponse_RetryAfterAndInterval_RetryAfterWins() =>
        Assert.That(RetryDelays.FromResponse(HttpStatusCode.TooManyRequests, Headers(h =>
        {
            h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
            h.Add(RetryDelays.HubSpotIntervalHeader, "10000");
        }), Now), Is.EqualTo(TimeSpan.FromSeconds(2)));

    [Test(Description = "The HubSpot interval header is on every response; only a 429 means waiting it out")]
    public void FromResponse_IntervalHeaderOnA503_Backoff() =>
        Assert.That(RetryDelays.FromResponse(HttpStatusCode.ServiceUnavailable, Headers(h => h.Add(RetryDelays.HubSpotIntervalHeader, "10000")), Now), Is.Null);

    [TestCase(HttpStatusCode.TooManyRequests)]
    [TestCase(HttpStatusCode.InternalServerError)]
    public void FromResponse_NoHeaders_Backoff(HttpStatusCode status) =>
        Assert.That(RetryDelays.FromResponse(status, Headers(_ => { }), Now), Is.Null);

    [Test(Description = "crm-apis.md: 423 Locked: wait ≥ 2 s")]
    public void FromResponse_LockedWithoutRetryAfter_AtLeastTwoSeconds() =>
        Assert.That(RetryDelays.FromResponse(HttpStatusCode.Locked, Headers(_ => { }), Now), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2)));

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
}
