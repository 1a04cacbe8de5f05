using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Salesforce.Auth;

/// <summary>
/// Points each API request at the token's <c>instance_url</c> and adds <c>Authorization: Bearer</c>. On 401
/// (<c>INVALID_SESSION_ID</c>) it gets a new token once and retries once; a second 401 is an authentication failure.
/// A query locator (<c>nextRecordsUrl</c>) belongs to the old session, so it is not retried: the reader restarts.
/// Resending a create after a 401 is safe: Salesforce refuses an invalid session before it processes anything.
/// </summary>
internal sealed partial class SalesforceAuthHandler(SalesforceTokenProvider tokens, SalesforceOptions options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendWithAsync(request, token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        var renewed = await tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
        if (IsQueryLocator(request.RequestUri))
        {
            throw new SessionRenewedException();
        }

        var retried = await SendWithAsync(request, renewed, cancellationToken).ConfigureAwait(false);
        if (retried.StatusCode != HttpStatusCode.Unauthorized)
        {
            return retried;
        }

        using (retried)
        {
            var error = await SalesforceErrors.ReadAsync(retried, cancellationToken).ConfigureAwait(false);
            var credential = SalesforceOptions.Section + ":" + CredentialOf(options.AuthFlow);
            throw new CrmAuthenticationException(credential,
                $"Salesforce refused a new token too ({error.Code}: {error.Message}); check {credential} and the integration user's API access",
                error.Code, (int)HttpStatusCode.Unauthorized);
        }
    }

    private Task<HttpResponseMessage> SendWithAsync(HttpRequestMessage request, SalesforceToken token, CancellationToken cancellationToken)
    {
        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.PathAndQuery : request.RequestUri?.OriginalString ?? "/";
        request.RequestUri = new Uri(token.InstanceUrl, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return base.SendAsync(request, cancellationToken);
    }

    private static string CredentialOf(SalesforceAuthFlow flow) => flow switch
    {
        SalesforceAuthFlow.JwtBearer => nameof(SalesforceOptions.PrivateKeyPath),
        SalesforceAuthFlow.RefreshToken => nameof(SalesforceOptions.RefreshToken),
        _ => nameof(SalesforceOptions.ClientSecret),
    };

    private static bool IsQueryLocator(Uri? uri) => uri is not null && QueryLocatorPath().IsMatch(uri.AbsolutePath);

    [GeneratedRegex(@"/services/data/v[0-9.]+/query(All)?/[^/]+$")]
    private static partial Regex QueryLocatorPath();
}
