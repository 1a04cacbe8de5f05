using System.Net;
using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Salesforce.Api;

/// <summary>
/// Reads <c>Sforce-Limit-Info: api-usage=USED/MAX</c> from every response into <see cref="SalesforceUsage"/>, and
/// turns 403 <c>REQUEST_LIMIT_EXCEEDED</c> into <see cref="CrmBudgetExhaustedException"/> at once (no retry loop).
/// </summary>
internal sealed class SalesforceLimitHandler(SalesforceUsage usage) : DelegatingHandler
{
    public const string LimitInfoHeader = "Sforce-Limit-Info";
    public const string RequestLimitExceeded = "REQUEST_LIMIT_EXCEEDED";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Headers.TryGetValues(LimitInfoHeader, out var values))
        {
            usage.Record(string.Join(';', values));
        }

        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var error = await SalesforceErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        if (error.Code != RequestLimitExceeded)
        {
            return response;
        }

        response.Dispose();
        throw new CrmBudgetExhaustedException(
            $"Salesforce's API request limit is exceeded ({error.Message}); the cycle ends and the next one resumes", error.Code, 403);
    }
}
