using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Tests.TestSupport;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests;

public class JwtBearerTests
{
    private SalesforceServer _server = null!;
    private RSA _key = null!;
    private string _keyPath = null!;

    [SetUp]
    public void SetUp()
    {
        _server = new SalesforceServer();
        _key = RSA.Create(2048);
        _keyPath = Path.Combine(Path.GetTempPath(), $"sf-jwt-{Guid.NewGuid():N}.pem");
        File.WriteAllText(_keyPath, _key.ExportPkcs8PrivateKeyPem());
    }

    [TearDown]
    public void TearDown()
    {
        _server.Dispose();
        _key.Dispose();
        File.Delete(_keyPath);
    }

    [Test]
    public async Task JwtBearer_TokenRequest_PostsRs256AssertionWithDocumentedClaims()
    {
        _server.Tokens(Token1);
        _server.Respond("GET", Data + "/sobjects/Account/describe", Json(200, new { name = "Account", fields = Array.Empty<object>() }));
        var connector = _server.Connector(o => (o.AuthFlow, o.Username, o.PrivateKeyPath) = (SalesforceAuthFlow.JwtBearer, "integration@acme.example", _keyPath));

        await connector.DescribeAsync(CrmObject.Account, CancellationToken.None);

        var form = HttpUtility.ParseQueryString(_server.Calls(TokenPath).Single().RequestMessage.Body!);
        var parts = form["assertion"]!.Split('.');
        using var claims = JsonDocument.Parse(Decode(parts[1]));
        var claim = claims.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(form["grant_type"], Is.EqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer"));
            Assert.That(Encoding.UTF8.GetString(Decode(parts[0])), Is.EqualTo("{\"alg\":\"RS256\"}"));
            Assert.That(claim.GetProperty("iss").GetString(), Is.EqualTo(ClientId));
            Assert.That(claim.GetProperty("sub").GetString(), Is.EqualTo("integration@acme.example"));
            Assert.That(claim.GetProperty("aud").GetString(), Is.EqualTo(_server.Url.GetLeftPart(UriPartial.Authority)));
            Assert.That(DateTimeOffset.FromUnixTimeSeconds(claim.GetProperty("exp").GetInt64()), Is.EqualTo(DateTimeOffset.UtcNow.AddMinutes(3)).Within(TimeSpan.FromSeconds(30)));
            Assert.That(_key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Decode(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), Is.True);
        });
    }

    [Test]
    public void JwtBearer_AssertionRefused_NamesPrivateKeyPath()
    {
        _server.Respond("POST", TokenPath, Json(400, new { error = "invalid_grant", error_description = "user hasn't approved this consumer" }, null));
        var connector = _server.Connector(o => (o.AuthFlow, o.Username, o.PrivateKeyPath) = (SalesforceAuthFlow.JwtBearer, "integration@acme.example", _keyPath));

        var ex = Assert.ThrowsAsync<CrmAuthenticationException>(() => connector.DescribeAsync(CrmObject.Account, CancellationToken.None));

        Assert.That(ex!.Credential, Is.EqualTo("Crm:Salesforce:PrivateKeyPath"));
    }

    private static byte[] Decode(string part)
    {
        var base64 = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
