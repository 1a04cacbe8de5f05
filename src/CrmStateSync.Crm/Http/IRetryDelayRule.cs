using System.Net;
using System.Net.Http.Headers;

namespace CrmStateSync.Crm.Http;

/// <summary>
/// One CRM's own reading of a retryable response that carries no <c>Retry-After</c>: how long the CRM asks us to wait
/// (HubSpot names its rate-limit window in a header and asks for 2 s after a 423 Locked). An adapter passes its rule to
/// <see cref="CrmHttpClientBuilderExtensions.AddCrmPipeline"/>; the shared pipeline knows no CRM's headers. Pure: no
/// clock, no I/O, no Polly type.
/// </summary>
public interface IRetryDelayRule
{
    /// <summary>The wait the response asks for, or null to fall back to the exponential backoff.</summary>
    TimeSpan? DelayFor(HttpStatusCode status, HttpResponseHeaders headers);
}
