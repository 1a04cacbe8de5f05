using System.Net;
using System.Net.Http.Headers;
using CrmStateSync.Crm.HubSpot.Http;
using CrmStateSync.Crm.Http;

namespace CrmStateSync.Crm.HubSpot.Tests;

/// <summary>HubSpot's delay rules, pure (moved from the shared pipeline's RetryDelaysTests with the rules themselves).</summary>
public sealed class HubSpotRetryDelaysTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 20, 49, 32, TimeSpan.Zero);

    private static HttpResponseHeaders Headers(Action<HttpResponseHeaders> set)
    {
        using var response = new HttpResponseMessage();
        set(response.Headers);
        return response.Headers;
    }

    private static TimeSpan? Delay(HttpStatusCode status, Action<HttpResponseHeaders> set) =>
        RetryDelays.FromResponse(status, Headers(set), Now, HubSpotRetryDelays.Instance);

    [Test(Description = "crm-apis.md: Retry-After may or may not come; otherwise wait out the named window")]
    public void DelayFor_429WithoutRetryAfter_IntervalWindow() =>
        Assert.That(Delay(HttpStatusCode.TooManyRequests, h => h.Add(HubSpotRetryDelays.IntervalHeader, "10000")), Is.EqualTo(TimeSpan.FromSeconds(10)));

    [Test]
    public void DelayFor_RetryAfterAndInterval_RetryAfterWins() =>
        Assert.That(Delay(HttpStatusCode.TooManyRequests, h =>
        {
            h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
            h.Add(HubSpotRetryDelays.IntervalHeader, "10000");
        }), Is.EqualTo(TimeSpan.FromSeconds(2)));

    [Test(Description = "The HubSpot interval header is on every response; only a 429 means waiting it out")]
    public void DelayFor_IntervalHeaderOnA503_Backoff() =>
        Assert.That(Delay(HttpStatusCode.ServiceUnavailable, h => h.Add(HubSpotRetryDelays.IntervalHeader, "10000")), Is.Null);

    [TestCase("", TestName = "DelayFor_429EmptyInterval_Backoff")]
    [TestCase("soon", TestName = "DelayFor_429UnreadableInterval_Backoff")]
    public void DelayFor_429UnreadableInterval_Backoff(string value) =>
        Assert.That(Delay(HttpStatusCode.TooManyRequests, h => h.TryAddWithoutValidation(HubSpotRetryDelays.IntervalHeader, value)), Is.Null);

    [TestCase(HttpStatusCode.TooManyRequests)]
    [TestCase(HttpStatusCode.InternalServerError)]
    public void DelayFor_NoHeaders_Backoff(HttpStatusCode status) =>
        Assert.That(Delay(status, _ => { }), Is.Null);

    [Test(Description = "crm-apis.md: 423 Locked: wait ≥ 2 s")]
    public void DelayFor_LockedWithoutRetryAfter_AtLeastTwoSeconds() =>
        Assert.That(Delay(HttpStatusCode.Locked, _ => { }), Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(2)));
}
