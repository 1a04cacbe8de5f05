using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>
/// <c>POST /services/oauth2/token</c>, form-encoded, client credentials only: a token and <c>instance_url</c> (the sandbox
/// itself), or 400 <c>{error, error_description}</c>.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> IssueAsync(HttpContext context, SalesforceOrg org)
    {
        if (!context.Request.HasFormContentType)
        {
            return Refuse("invalid_request", "the request must be application/x-www-form-urlencoded");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (form["grant_type"] != "client_credentials")
        {
            return Refuse("unsupported_grant_type", "grant type not supported");
        }

        if (form["client_id"] != org.Options.SalesforceClientId)
        {
            return Refuse("invalid_client_id", "client identifier invalid");
        }

        if (form["client_secret"] != org.Options.SalesforceClientSecret)
        {
            return Refuse("invalid_client", "invalid client credentials");
        }

        var instance = $"{context.Request.Scheme}://{context.Request.Host}";
        return Results.Json(new Dictionary<string, string>
        {
            ["access_token"] = org.IssueToken(),
            ["instance_url"] = instance,
            ["id"] = $"{instance}/id/00DSBX0000000001AAA/{SalesforceIds.IntegrationUser}",
            ["token_type"] = "Bearer",
            ["issued_at"] = org.Options.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["signature"] = "c2FuZGJveA==",
        });
    }

    private static IResult Refuse(string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: 400);
}
