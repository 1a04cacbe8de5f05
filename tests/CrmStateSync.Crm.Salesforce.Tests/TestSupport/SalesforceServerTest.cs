using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests.TestSupport;

/// <summary>A test class whose every test gets a fresh WireMock Salesforce that issues <see cref="Token1"/>.</summary>
public abstract class SalesforceServerTest
{
    private protected SalesforceServer Server { get; private set; } = null!;

    [SetUp]
    public void StartServer()
    {
        Server = new SalesforceServer();
        Server.Tokens(Token1);
    }

    [TearDown]
    public void StopServer() => Server.Dispose();

    /// <summary>Replaces the server with a fresh one (a second, independent org in one test).</summary>
    private protected void RestartServer()
    {
        Server.Dispose();
        StartServer();
    }
}
