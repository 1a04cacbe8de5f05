using System.Net;
using System.Net.Http.Headers;
using CrmStateSync.Crm.Contract;
using Microsoft.Extensions.Options;

namespace CrmStateSync.Crm.HubSpot.Http;

/// <summary>
/// Sends the private-app token or service key as a bearer token. A 401 becomes a
/// <see cref="CrmAuthenticationException"/> naming the credential's key and HubSpot's message, never the token.
/// </summary>
internal sealed class HubSpotAuthHandler(IOptions<HubSpotOptions> options) : DelegatingHandler
{
    public const string CredentialKey = HubSpotOptions.Section + ":AccessToken";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        using (response)
        {
            var error = await HubSpotErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            var said = error?.Message ?? "no message";
            throw new CrmAuthenticationException(
                CredentialKey,
                $"HubSpot refused the access token ({CredentialKey}): {said}",
                error?.Category ?? "INVALID_AUTHENTICATION",
                (int)HttpStatusCode.Unauthorized);
        }
    }
}
