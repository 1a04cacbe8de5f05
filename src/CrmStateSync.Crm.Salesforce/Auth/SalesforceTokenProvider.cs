using System.Net.Http.Json;
using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Http;
using CrmStateSync.Crm.Salesforce.Api;

namespace CrmStateSync.Crm.Salesforce.Auth;

/// <summary>
/// Obtains and caches the access token from <c>{LoginUrl}/services/oauth2/token</c> (form-encoded). Salesforce sends
/// no expiry for these flows: the token is kept until a call answers 401, then <see cref="RenewAsync"/> asks again.
/// </summary>
internal sealed class SalesforceTokenProvider(HttpClient http, SalesforceOptions options, TimeProvider clock) : IDisposable
{
    public const string ClientName = "salesforce-auth";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SalesforceToken? _token;
    private int _generation;

    /// <summary>The tokens obtained so far; a change means the session was renewed.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public void Dispose() => _gate.Dispose();

    public async ValueTask<SalesforceToken> GetAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _token) ?? await RenewAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>A new token, unless another caller already replaced <paramref name="stale"/>.</summary>
    public async Task<SalesforceToken> RenewAsync(SalesforceToken? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } current && !ReferenceEquals(current, stale))
            {
                return current;
            }

            var token = await RequestAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _token, token);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SalesforceToken> RequestAsync(CancellationToken cancellationToken)
    {
        var form = TokenRequests.Form(options, clock);
        var endpoint = new Uri(options.LoginUrl, "/services/oauth2/token");
        using var content = new FormUrlEncodedContent(form);
        using var response = await SendAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
        var body = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        // A refusal is a refusal whatever the status: some gateways answer 200 with OAuth's error fields.
        if (!response.IsSuccessStatusCode || !string.IsNullOrEmpty(body?.Error))
        {
            throw TokenRequests.Refused(options, response.StatusCode, body?.Error, body?.ErrorDescription);
        }

        if (string.IsNullOrEmpty(body?.AccessToken) || !Uri.TryCreate(body.InstanceUrl, UriKind.Absolute, out var instance))
        {
            throw new CrmException("Salesforce's token response has no access_token or instance_url", "MALFORMED_RESPONSE", (int)response.StatusCode);
        }

        Redactor.RegisterSecret(body.AccessToken);
        return new SalesforceToken(body.AccessToken, instance, Interlocked.Increment(ref _generation));
    }

    private async Task<HttpResponseMessage> SendAsync(Uri endpoint, HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            return await http.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (SalesforceErrors.IsUnavailable(ex, cancellationToken))
        {
            throw new CrmUnavailableException($"Salesforce's token endpoint {endpoint.GetLeftPart(UriPartial.Authority)} could not be reached: {ex.Message}", ex);
        }
    }

    private static async Task<TokenResponse?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TokenResponse>(SalesforceJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new CrmException($"Salesforce's token endpoint answered {(int)response.StatusCode} with a body that is not JSON", null, (int)response.StatusCode, ex);
        }
    }
}
