using System.Net;
using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Salesforce.Auth;

/// <summary>The form of a token request per flow, and what a refusal means (which credential, what to do).</summary>
internal static class TokenRequests
{
    private const string Prefix = SalesforceOptions.Section + ":";

    public static Dictionary<string, string> Form(SalesforceOptions options, TimeProvider clock) => options.AuthFlow switch
    {
        SalesforceAuthFlow.JwtBearer => new()
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = JwtAssertion.Create(options, clock),
        },
        SalesforceAuthFlow.RefreshToken => WithOptionalSecret(options, new()
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = options.ClientId ?? "",
            ["refresh_token"] = options.RefreshToken ?? "",
        }),
        _ => new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ClientId ?? "",
            ["client_secret"] = options.ClientSecret ?? "",
        },
    };

    /// <summary>The exception for a refused token request, naming the credential to fix, never its value.</summary>
    public static CrmAuthenticationException Refused(SalesforceOptions options, HttpStatusCode status, string? error, string? description)
    {
        var (credential, advice) = Blame(options.AuthFlow, error);
        var message = $"Salesforce refused the {options.AuthFlow} token request ({error ?? "no error code"}: {description ?? "no description"}); "
            + $"check {credential}: {advice}";
        return new CrmAuthenticationException(credential, message, error, (int)status);
    }

    private static (string Credential, string Advice) Blame(SalesforceAuthFlow flow, string? error) => (flow, error) switch
    {
        (_, "invalid_client_id") => (Prefix + "ClientId", "the consumer key is not known to this org"),
        (SalesforceAuthFlow.ClientCredentials, "invalid_client") => (Prefix + "ClientSecret", "the consumer secret does not match the connected app"),
        (SalesforceAuthFlow.RefreshToken, "invalid_client") => (Prefix + "ClientSecret", "the consumer secret does not match the connected app"),
        (SalesforceAuthFlow.RefreshToken, "invalid_grant") => (Prefix + "RefreshToken", "the refresh token is no longer valid; re-authorise the app"),
        (SalesforceAuthFlow.JwtBearer, "invalid_grant") => (Prefix + "PrivateKeyPath",
            "the assertion was refused; check that the certificate matches the key, that Username is pre-authorised and the clock is right"),
        (SalesforceAuthFlow.ClientCredentials, "invalid_grant") => (Prefix + "ClientId", "the app has no run-as user for the client credentials flow"),
        (_, "unsupported_grant_type") => (Prefix + "AuthFlow", "the connected app does not allow this flow"),
        _ => (Prefix + "ClientId", "the token endpoint refused the request"),
    };

    private static Dictionary<string, string> WithOptionalSecret(SalesforceOptions options, Dictionary<string, string> form)
    {
        if (!string.IsNullOrEmpty(options.ClientSecret))
        {
            form["client_secret"] = options.ClientSecret;
        }

        return form;
    }
}
