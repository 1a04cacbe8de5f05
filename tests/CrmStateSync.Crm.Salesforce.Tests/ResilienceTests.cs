using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Tests.TestSupport;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests;

public class ResilienceTests : SalesforceServerTest
{
    private const string Describe = Data + "/sobjects/Account/describe";
    private const string Composite = Data + "/composite/sobjects";
    private static readonly object Described = new { name = "Account", fields = Array.Empty<object>() };

    [Test]
    public void AnyCall_RequestLimitExceeded_BudgetExhaustedAfterExactlyOneCall()
    {
        Server.Respond("GET", Data + "/queryAll", Error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded."));

        var ex = Assert.ThrowsAsync<CrmBudgetExhaustedException>(() =>
            Server.Connector().ReadAccountsAsync(new ReadCursor(Some.T0, null), CancellationToken.None).ToListAsync().AsTask());

        Assert.Multiple(() =>
        {
            Assert.That(Server.Calls(Data + "/queryAll"), Has.Count.EqualTo(1));
            Assert.That(ex!.CrmCode, Is.EqualTo("REQUEST_LIMIT_EXCEEDED"));
            Assert.That(ex.HttpStatus, Is.EqualTo(403));
            Assert.That(ex.Message, Does.Contain("TotalRequests Limit exceeded."));
        });
    }

    [Test]
    public async Task AnyCall_TooManyRequestsThenSuccess_Retried()
    {
        Server.Respond("GET", Describe, Error(429, "REQUEST_LIMIT_EXCEEDED_CONCURRENT", "Too many requests"), Json(200, Described));

        var description = await Server.Connector().DescribeAsync(CrmObject.Account, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(description.Name, Is.EqualTo("Account"));
            Assert.That(Server.Calls(Describe), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task WriteAccounts_ServerErrorThenSuccess_Retried()
    {
        Server.Respond("PATCH", Composite, Raw(503, "<html>Service Unavailable</html>"), Json(200, new[] { Some.Saved("001A") }));

        var results = await Server.Connector().WriteAccountsAsync([new AccountWrite("001A", new Dictionary<string, object?> { [ManagedField.Divergence] = null })], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(results.Single().Success, Is.True);
            Assert.That(Server.Calls(Composite), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task WriteAccounts_ServerErrorsOutlastRetries_TransientFailurePerRecord()
    {
        Server.Respond("PATCH", Composite, Error(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred"));

        var results = await Server.Connector().WriteAccountsAsync([new AccountWrite("001A", new Dictionary<string, object?> { [ManagedField.Divergence] = null })], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(results.Single().Transient, Is.True);
            Assert.That(results.Single().Errors.Single().Code, Is.EqualTo("UNKNOWN_EXCEPTION"));
            Assert.That(Server.Calls(Composite), Has.Count.EqualTo(3), "first attempt + MaxRetries 2");
        });
    }

    [Test]
    public void AnyCall_SustainedOutage_CircuitOpensAndNextCallFailsFastWithoutHittingServer()
    {
        Server.Respond("GET", Describe, Error(503, "SERVER_UNAVAILABLE", "down for maintenance"));
        var connector = Server.Connector(o => o.Resilience.BreakerMinimumThroughput = 2);

        Assert.ThrowsAsync<CrmUnavailableException>(() => connector.DescribeAsync(CrmObject.Account, CancellationToken.None));
        var hits = Server.Calls(Describe).Count;
        var ex = Assert.ThrowsAsync<CrmUnavailableException>(() => connector.DescribeAsync(CrmObject.Account, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(hits, Is.EqualTo(2), "the circuit opened after the second failure");
            Assert.That(Server.Calls(Describe), Has.Count.EqualTo(hits));
            Assert.That(ex!.InnerException, Is.Not.Null);
        });
    }

    [Test]
    public void AnyCall_ServerUnreachable_Unavailable()
    {
        var connector = Server.Connector();
        Server.Mock.Stop();

        Assert.ThrowsAsync<CrmUnavailableException>(() => connector.DescribeAsync(CrmObject.Account, CancellationToken.None));
    }
}
