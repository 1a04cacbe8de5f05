using System.Net;
using System.Net.Http.Headers;

namespace CrmStateSync.Crm.Http;

/// <summary>
/// The pure delay arithmetic of the retry strategy (kept apart from the async shell, as Polly does): how long a
/// throttled response asks us to wait — <c>Retry-After</c> when present, else what the CRM's own
/// <see cref="IRetryDelayRule"/> reads from it (HubSpot's rules live in its adapter), else null for the backoff.
/// </summary>
public static class RetryDelays
{
    /// <summary>The wait the response asks for, or null to use the exponential backoff.</summary>
    /// <param name="status">The response's status.</param>
    /// <param name="headers">The response's headers.</param>
    /// <param name="now">The current time, for a <c>Retry-After</c> given as a date.</param>
    /// <param name="rule">The CRM's reading of a response without <c>Retry-After</c>; null: none, the backoff decides.</param>
    public static TimeSpan? FromResponse(HttpStatusCode status, HttpResponseHeaders headers, DateTimeOffset now, IRetryDelayRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.RetryAfter is { } retryAfter)
        {
            return retryAfter.Delta ?? (retryAfter.Date is { } at ? Max(at - now, TimeSpan.Zero) : null);
        }

        return rule?.DelayFor(status, headers);
    }

    /// <summary>Caps a requested wait; a wait longer than the cap is not worth holding the cycle for.</summary>
    public static TimeSpan? Capped(TimeSpan? requested, TimeSpan cap) => requested is { } r && r > cap ? null : requested;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
