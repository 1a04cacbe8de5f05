using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace CrmStateSync.Crm.Http;

/// <summary>
/// The pure delay arithmetic of the retry strategy (kept apart from the async shell, as Polly does): how long a
/// throttled response asks us to wait — <c>Retry-After</c> when present, else the window HubSpot names (2 s for a 423 Locked).
/// </summary>
public static class RetryDelays
{
    public const string HubSpotIntervalHeader = "X-HubSpot-RateLimit-Interval-Milliseconds";
    public const string HubSpotRemainingHeader = "X-HubSpot-RateLimit-Remaining";

    private static readonly TimeSpan LockedWait = TimeSpan.FromSeconds(2);

    /// <summary>The wait the response asks for, or null to use the exponential backoff.</summary>
    public static TimeSpan? FromResponse(HttpStatusCode status, HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } at ? Max(at - now, TimeSpan.Zero) : null);
        }

        if (status == HttpStatusCode.TooManyRequests && Header(headers, HubSpotIntervalHeader) is { } interval)
        {
            // No Retry-After: wait out the rolling window the response names.
            return TimeSpan.FromMilliseconds(interval);
        }

        // HubSpot: 423 Locked asks for at least 2 s; the first backoff step may be shorter.
        return status == HttpStatusCode.Locked ? LockedWait : null;
    }

    /// <summary>Caps a requested wait; a wait longer than the cap is not worth holding the cycle for.</summary>
    public static TimeSpan? Capped(TimeSpan? requested, TimeSpan cap) => requested is { } r && r > cap ? null : requested;

    private static long? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
