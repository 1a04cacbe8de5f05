using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.HubSpot.Http;

/// <summary>Takes a permit from the client-side limiter before every attempt (a search also one of the search window), and
/// notes HubSpot's rate-limit headers.</summary>
internal sealed class HubSpotRateLimitHandler(HubSpotRateLimiter limiter) : DelegatingHandler
{
    public const string RemainingHeader = "X-HubSpot-RateLimit-Remaining";
    public const string DailyHeader = "X-HubSpot-RateLimit-Daily";
    public const string DailyRemainingHeader = "X-HubSpot-RateLimit-Daily-Remaining";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (IsSearch(request))
        {
            await limiter.AcquireSearchAsync(cancellationToken).ConfigureAwait(false);
        }

        await limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        limiter.Observe(Header(response.Headers, RemainingHeader), Header(response.Headers, DailyRemainingHeader), Header(response.Headers, DailyHeader));
        if (response.StatusCode == HttpStatusCode.TooManyRequests
            && await HubSpotErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false) is { PolicyName: "DAILY" } daily)
        {
            // The daily budget does not come back within a retry: end the cycle now instead of retrying.
            response.Dispose();
            throw new CrmBudgetExhaustedException($"HubSpot daily API limit reached: {HubSpotErrors.Describe(daily)}", "DAILY", 429);
        }

        return response;
    }

    /// <summary>A CRM search (<c>POST …/search</c>): HubSpot limits these apart, per second.</summary>
    internal static bool IsSearch(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath.EndsWith("/search", StringComparison.Ordinal) == true;

    private static long? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
