using System.Web;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Tests.TestSupport;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests;

public class AuthTests
{
    private const string Describe = Data + "/sobjects/Account/describe";
    private static readonly object Described = new { name = "Account", fields = Array.Empty<object>() };
    private SalesforceServer _server = null!;

    [SetUp]
    public void SetUp() => _server = new SalesforceServer();

    [TearDown]
    public void TearDown() => _server.Dispose();

    [Test]
    public async Task ClientCredentials_TokenGranted_PostsFormAndSendsBearerOnNextCall()
    {
        _server.Tokens(Token1);
        _server.Respond("GET", Describe, Json(200, Described));

        await _server.Connector().DescribeAsync(CrmObject.Account, CancellationToken.None);

        var token = _server.Calls(TokenPath).Single();
        var form = HttpUtility.ParseQueryString(token.RequestMessage.Body!);
        Assert.Multiple(() =>
        {
            Assert.That(token.RequestMessage.Method, Is.EqualTo("POST"));
            Assert.That(Header(token, "Content-Type"), Does.StartWith("application/x-www-form-urlencoded"));
            Assert.That(form["grant_type"], Is.EqualTo("client_credentials"));
            Assert.That(form["client_id"], Is.EqualTo(ClientId));
            Assert.That(form["client_secret"], Is.EqualTo(ClientSecret));
            Assert.That(Header(_server.Calls(Describe).Single(), "Authorization"), Is.EqualTo("Bearer " + Token1));
        });
    }

    [Test]
    public void ClientCredentials_WrongSecret_NamesClientSecretWithoutItsValue()
    {
        _server.Respond("POST", TokenPath, Json(400, new { error = "invalid_client", error_description = $"invalid client credentials ({ClientSecret})" }, null));

        var ex = Assert.ThrowsAsync<CrmAuthenticationException>(() => _server.Connector().DescribeAsync(CrmObject.Account, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Credential, Is.EqualTo("Crm:Salesforce:ClientSecret"));
            Assert.That(ex.CrmCode, Is.EqualTo("invalid_client"));
            Assert.That(ex.HttpStatus, Is.EqualTo(400));
            Assert.That(ex.Message, Does.Contain("Crm:Salesforce:ClientSecret").And.Contain("invalid client credentials"));
            Assert.That(ex.Message, Does.Not.Contain(ClientSecret));
            Assert.That(_server.Calls(Describe), Is.Empty);
        });
    }

    [Test]
    public void ClientCredentials_RefusalAnsweredWith200_IsAnAuthenticationFailureWithTheCrmsCodeAndDescription()
    {
        _server.Respond("POST", TokenPath, Json(200, new { error = "invalid_client", error_description = "invalid client credentials" }, null));

        var ex = Assert.ThrowsAsync<CrmAuthenticationException>(() => _server.Connector().DescribeAsync(CrmObject.Account, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Credential, Is.EqualTo("Crm:Salesforce:ClientSecret"));
            Assert.That(ex.CrmCode, Is.EqualTo("invalid_client"));
            Assert.That(ex.Message, Does.Contain("invalid client credentials"));
        });
    }

    [Test]
    public void ClientCredentials_200WithoutAccessToken_IsAMalformedResponse()
    {
        _server.Respond("POST", TokenPath, Json(200, new { token_type = "Bearer" }, null));

        var ex = Assert.ThrowsAsync<CrmException>(() => _server.Connector().DescribeAsync(CrmObject.Account, CancellationToken.None));

        Assert.That(ex!.CrmCode, Is.EqualTo("MALFORMED_RESPONSE"));
    }

    [Test]
    public void RefreshToken_Expired_AsksToReauthoriseTheApp()
    {
        _server.Respond("POST", TokenPath, Json(400, new { error = "invalid_grant", error_description = "expired access/refresh token" }, null));
        var connector = _server.Connector(o => (o.AuthFlow, o.RefreshToken) = (SalesforceAuthFlow.RefreshToken, RefreshToken));

        var ex = Assert.ThrowsAsync<CrmAuthenticationException>(() => connector.DescribeAsync(CrmObject.Account, CancellationToken.None));

        var form = HttpUtility.ParseQueryString(_server.Calls(TokenPath).Single().RequestMessage.Body!);
        Assert.Multiple(() =>
        {
            Assert.That(form["grant_type"], Is.EqualTo("refresh_token"));
            Assert.That(form["refresh_token"], Is.EqualTo(RefreshToken));
            Assert.That(ex!.Credential, Is.EqualTo("Crm:Salesforce:RefreshToken"));
            Assert.That(ex.CrmCode, Is.EqualTo("invalid_grant"));
            Assert.That(ex.Message, Does.Contain("re-authorise the app").And.Contain("expired access/refresh token"));
            Assert.That(ex.Message, Does.Not.Contain(RefreshToken).And.Not.Contain(ClientSecret));
        });
    }

    [Test]
    public async Task AnyCall_SessionExpired_RenewsTokenOnceAndRetriesOnce()
    {
        _server.Tokens(Token1, Token2);
        _server.Respond("GET", Describe, Error(401, "INVALID_SESSION_ID", "Session expired or invalid"), Json(200, Described));

        var description = await _server.Connector().DescribeAsync(CrmObject.Account, CancellationToken.None);

        var calls = _server.Calls(Describe);
        Assert.Multiple(() =>
        {
            Assert.That(description.Name, Is.EqualTo("Account"));
            Assert.That(_server.Calls(TokenPath), Has.Count.EqualTo(2));
            Assert.That(calls.Select(c => Header(c, "Authorization")), Is.EqualTo(new[] { "Bearer " + Token1, "Bearer " + Token2 }));
        });
    }

    [Test]
    public void AnyCall_SessionRefusedAfterRenewal_ThrowsAuthenticationAfterOneRetry()
    {
        _server.Tokens(Token1, Token2);
        _server.Respond("GET", Describe, Error(401, "INVALID_SESSION_ID", "Session expired or invalid"));

        var ex = Assert.ThrowsAsync<CrmAuthenticationException>(() => _server.Connector().DescribeAsync(CrmObject.Account, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.CrmCode, Is.EqualTo("INVALID_SESSION_ID"));
            Assert.That(ex.Credential, Is.EqualTo("Crm:Salesforce:ClientSecret"));
            Assert.That(_server.Calls(Describe), Has.Count.EqualTo(2));
            Assert.That(_server.Calls(TokenPath), Has.Count.EqualTo(2));
        });
    }
}
