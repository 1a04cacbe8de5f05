using System.Net.Http.Headers;
using System.Text.Json;

namespace CrmStateSync.Sandbox.Tests.TestSupport;

/// <summary>A plain HttpClient holding a Salesforce access token from the sandbox (client credentials).</summary>
internal static class SandboxHttp
{
    public static async Task<HttpClient> SalesforceAsync(SandboxServer sandbox)
    {
        var http = new HttpClient { BaseAddress = sandbox.Url };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = sandbox.Options.SalesforceClientId, ["client_secret"] = sandbox.Options.SalesforceClientSecret,
        });
        using var response = await http.PostAsync(new Uri("/services/oauth2/token", UriKind.Relative), form);
        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
        return http;
    }
}
