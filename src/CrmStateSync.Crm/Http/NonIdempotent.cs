using System.Net;
using Polly;

namespace CrmStateSync.Crm.Http;

/// <summary>
/// Marks a request whose repetition is not harmless — a create: sent twice, it creates twice. The resilience pipeline
/// retries such a request only when the CRM certainly did not process it (<see cref="RefusedBeforeProcessing"/>); any
/// other failure leaves its fate unknown, and the caller looks the record up before sending it again. Refit methods
/// set the mark with <c>[Property(NonIdempotent.PropertyKey)] bool nonIdempotent = true</c>.
/// </summary>
public static class NonIdempotent
{
    public const string PropertyKey = "CrmStateSync.NonIdempotent";

    public static readonly HttpRequestOptionsKey<bool> Key = new(PropertyKey);

    /// <summary>True when <paramref name="request"/> carries the mark.</summary>
    public static bool Is(HttpRequestMessage? request) => request is not null && request.Options.TryGetValue(Key, out var marked) && marked;

    /// <summary>
    /// The CRM refused the request before doing any of its work, so sending it again cannot duplicate anything:
    /// <list type="bullet">
    /// <item>429 — throttled: both CRMs count and refuse before processing;</item>
    /// <item>503 — the service is unavailable and handled nothing (Salesforce's maintenance and HubSpot's outage answers);</item>
    /// <item>423 — HubSpot's Locked: the write was refused, come back in 2 s;</item>
    /// <item>a connection that never opened (refused, name resolution, TLS): the request never left the process.</item>
    /// </list>
    /// Not retried: a reset or an early end of the answer, a timeout, 500/502/504 — the create may have landed. (A 401
    /// is answered before processing too; Salesforce's auth handler sends once more with a new token, outside this pipeline.)
    /// </summary>
    public static bool RefusedBeforeProcessing(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.Locked
        || outcome.Exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError,
        };
}
