using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CrmStateSync.Crm.Salesforce.Auth;

/// <summary>
/// The RS256-signed JWT of the JWT bearer flow: <c>iss</c> = consumer key, <c>sub</c> = username, <c>aud</c> = login
/// URL, <c>exp</c> three minutes ahead.
/// </summary>
internal static class JwtAssertion
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    public static string Create(SalesforceOptions options, TimeProvider clock)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(options.PrivateKeyPath ?? throw new InvalidOperationException("PrivateKeyPath is not set")));
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256" }));
        var claims = new Dictionary<string, object>
        {
            ["iss"] = options.ClientId ?? "",
            ["sub"] = options.Username ?? "",
            ["aud"] = options.LoginUrl.GetLeftPart(UriPartial.Authority),
            ["exp"] = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds(),
        };
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signingInput = header + "." + payload;
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Encode(signature);
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
