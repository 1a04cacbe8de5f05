using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Tests.Contract;

/// <summary>sync.md: "A credential problem stops the cycle with a message that says which credential and what the CRM answered, without printing the secret."</summary>
public sealed class CrmExceptionTests
{
    private const string Token = "pat-na1-0c4b1d2e-secret";

    [Test]
    public void Constructor_CodeAndStatus_MessageRedactedAndKept()
    {
        var ex = new CrmException($"401 for Authorization: Bearer {Token}", "INVALID_AUTHENTICATION", 401);

        Assert.That(ex.Message, Does.Not.Contain(Token));
        Assert.That(ex.Message, Does.Contain("401 for Authorization: Bearer ***"));
        Assert.That(ex.CrmCode, Is.EqualTo("INVALID_AUTHENTICATION"));
        Assert.That(ex.HttpStatus, Is.EqualTo(401));
    }

    [Test]
    public void Constructor_MessageOnly_MessageRedacted() =>
        Assert.That(new CrmException($"token refused: Bearer {Token}").Message, Does.Not.Contain(Token));

    [Test]
    public void Constructor_MessageAndInner_MessageRedacted()
    {
        var inner = new HttpRequestException("boom");

        var ex = new CrmException("POST /services/oauth2/token client_secret=Sup3rS3cretValue failed", inner);

        Assert.That(ex.Message, Does.Not.Contain("Sup3rS3cretValue"));
        Assert.That(ex.InnerException, Is.SameAs(inner));
    }

    [Test]
    public void AuthenticationException_NamesCredentialNotSecret()
    {
        var ex = new CrmAuthenticationException("Crm:Salesforce:ClientSecret", "invalid_client: client_secret=Sup3rS3cretValue", "invalid_client", 400);

        Assert.That(ex.Credential, Is.EqualTo("Crm:Salesforce:ClientSecret"));
        Assert.That(ex.Message, Does.Contain("invalid_client").And.Not.Contain("Sup3rS3cretValue"));
        Assert.That(ex.CrmCode, Is.EqualTo("invalid_client"));
        Assert.That(ex.HttpStatus, Is.EqualTo(400));
    }

    [Test]
    public void BudgetExhausted_KeepsCodeAndRedacts()
    {
        var ex = new CrmBudgetExhaustedException($"REQUEST_LIMIT_EXCEEDED with Bearer {Token}", "REQUEST_LIMIT_EXCEEDED", 403);

        Assert.That(ex, Is.InstanceOf<CrmException>());
        Assert.That(ex.Message, Does.Not.Contain(Token));
        Assert.That(ex.CrmCode, Is.EqualTo("REQUEST_LIMIT_EXCEEDED"));
    }
}
