using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CrmStateSync.Crm.Http;

namespace CrmStateSync.Crm.HubSpot.Http;

/// <summary>
/// HubSpot's reading of a retryable response without <c>Retry-After</c>, for the shared pipeline
/// (<see cref="IRetryDelayRule"/>): a 429 names its rolling window in <see cref="IntervalHeader"/> — wait it out; a 423
/// Locked asks for at least 2 s, which the first backoff step may undercut. Anything else: the backoff decides.
/// </summary>
internal sealed class HubSpotRetryDelays : IRetryDelayRule
{
    public const string IntervalHeader = "X-HubSpot-RateLimit-Interval-Milliseconds";

    public static readonly HubSpotRetryDelays Instance = new();

    private static readonly TimeSpan LockedWait = TimeSpan.FromSeconds(2);

    public TimeSpan? DelayFor(HttpStatusCode status, HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (status == HttpStatusCode.TooManyRequests && Milliseconds(headers, IntervalHeader) is { } interval)
        {
            // No Retry-After: wait out the rolling window the response names.
            return TimeSpan.FromMilliseconds(interval);
        }

        return status == HttpStatusCode.Locked ? LockedWait : null;
    }

    private static long? Milliseconds(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
