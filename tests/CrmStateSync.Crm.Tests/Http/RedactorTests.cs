using CrmStateSync.Crm.Http;

namespace CrmStateSync.Crm.Tests.Http;

public sealed class RedactorTests
{
    [TestCase("Authorization: Bearer pat-na1-4f1c2b7e-9d11-4a55-8c3e-0b1d2e3f4a5b", "pat-na1-4f1c2b7e", TestName = "A HubSpot private-app bearer token is masked")]
    [TestCase("authorization: bearer 00D5g000004Xyz!AQ4AQH.abc_def~ghi", "00D5g000004Xyz", TestName = "A Salesforce session id after a lower-case bearer is masked")]
    public void Redact_BearerToken_Masked(string text, string secretPart)
    {
        var redacted = Redactor.Redact(text);

        Assert.That(redacted, Does.Not.Contain(secretPart));
        Assert.That(redacted, Does.Contain("Bearer ***"));
    }

    [TestCase("grant_type=client_credentials&client_id=3MVG9abc&client_secret=Sup3rS3cretValue", "Sup3rS3cretValue", "client_secret=***", TestName = "crm-apis.md client credentials: the client_secret form field is masked")]
    [TestCase("grant_type=refresh_token&refresh_token=5Aep861refreshTok&client_id=3MVG9abc", "5Aep861refreshTok", "refresh_token=***", TestName = "crm-apis.md refresh token: the refresh_token form field is masked")]
    [TestCase("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=eyJhbGciOiJSUzI1NiJ9.eyJpc3Mi.c2lnbmF0dXJl", "eyJhbGciOiJSUzI1NiJ9", "assertion=***", TestName = "crm-apis.md JWT bearer: the signed assertion form field is masked")]
    [TestCase("/services/data/v66.0/query?access_token=00DTokenInQuery&q=SELECT+Id", "00DTokenInQuery", "access_token=***", TestName = "An access token in a query string is masked")]
    [TestCase("/crm/v3/objects/companies?hapikey=legacy-key-12345&limit=100", "legacy-key-12345", "hapikey=***", TestName = "A legacy HubSpot hapikey in a query string is masked")]
    public void Redact_SecretFormField_Masked(string text, string secret, string masked)
    {
        var redacted = Redactor.Redact(text);

        Assert.That(redacted, Does.Not.Contain(secret));
        Assert.That(redacted, Does.Contain(masked));
    }

    [Test]
    public void Redact_FormBody_KeepsNonSecretFields()
    {
        var redacted = Redactor.Redact("grant_type=client_credentials&client_id=3MVG9abc&client_secret=Sup3rS3cretValue");

        Assert.That(redacted, Is.EqualTo("grant_type=client_credentials&client_id=3MVG9abc&client_secret=***"));
    }

    [Test(Description = "crm-apis.md token success body: access_token masked, instance_url kept")]
    public void Redact_JsonTokenResponse_TokenMaskedUrlKept()
    {
        var redacted = Redactor.Redact("""{"access_token":"00D5g!AQ4AQ.secret","instance_url":"https://acme.my.salesforce.com","token_type":"Bearer"}""");

        Assert.That(redacted, Does.Not.Contain("00D5g!AQ4AQ.secret"));
        Assert.That(redacted, Does.Contain("\"access_token\":\"***\""));
        Assert.That(redacted, Does.Contain("https://acme.my.salesforce.com"));
    }

    [TestCase("refresh_token")]
    [TestCase("client_secret")]
    [TestCase("private_key")]
    [TestCase("token")]
    public void Redact_JsonSecretFieldWithSpaces_Masked(string name)
    {
        var redacted = Redactor.Redact($$"""{ "{{name}}" : "value-that-is-secret", "other": "kept" }""");

        Assert.That(redacted, Does.Not.Contain("value-that-is-secret"));
        Assert.That(redacted, Does.Contain("kept"));
    }

    [Test(Description = "sync.md: a credential problem is reported without printing the secret")]
    public void Redact_RegisteredSecret_MaskedAnywhere()
    {
        var secret = "svc-key-" + Guid.NewGuid().ToString("N");
        Redactor.RegisterSecret(secret);

        var redacted = Redactor.Redact($"login failed for key {secret} (invalid_client)");

        Assert.That(redacted, Is.EqualTo("login failed for key *** (invalid_client)"));
    }

    [Test(Description = "Redactor.RegisterSecret: values shorter than 6 characters are ignored (too many false hits)")]
    public void RegisterSecret_ShortValue_Ignored()
    {
        Redactor.RegisterSecret("Qx7_z");

        Assert.That(Redactor.Redact("code Qx7_z"), Is.EqualTo("code Qx7_z"));
    }

    [Test]
    public void Redact_NoSecret_Unchanged() =>
        Assert.That(Redactor.Redact("GET /crm/v3/objects/companies?limit=100&after=200"), Is.EqualTo("GET /crm/v3/objects/companies?limit=100&after=200"));

    [Test]
    public void Redact_Null_Empty() => Assert.That(Redactor.Redact(null), Is.Empty);
}
