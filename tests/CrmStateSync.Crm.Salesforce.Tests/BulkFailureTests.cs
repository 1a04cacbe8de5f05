using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Tests.TestSupport;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.BulkStubs;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests;

/// <summary>Issue 12 item 3: the failure answers of a Bulk API 2.0 query job, as Salesforce documents them.</summary>
public sealed class BulkFailureTests : SalesforceServerTest
{
    private static readonly string[] Header = ["Id", "Name", "SystemModstamp", "IsDeleted", "LastModifiedById"];

    [SetUp]
    public void SetUp()
    {
        Server.Count(3);
    }

    [TestCase("Failed", "BULK_QUERY_FAILED", Description = "A Failed job ends the cycle with the CRM's message (no fallback to REST: see the troubleshooting doc)")]
    [TestCase("Aborted", "BULK_QUERY_ABORTED", Description = "An Aborted job (an admin stopped it) ends the cycle the same way")]
    public void ReadAccounts_JobEndsWithoutResults_CrmExceptionWithTheJobsStateAndMessage(string state, string code)
    {
        Server.Respond("POST", Jobs, Job("750J1", "UploadComplete"));
        Server.Respond("GET", Jobs + "/750J1", Job("750J1", "InProgress"), Job("750J1", state, "Query timed out: the query is not selective"));

        var ex = Assert.ThrowsAsync<CrmException>(async () => await Read(Bulk()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.CrmCode, Is.EqualTo(code));
            Assert.That(ex.Message, Does.Contain("750J1").And.Contain(state).And.Contain("Query timed out: the query is not selective").And.Contain("Crm:Salesforce:BulkThreshold"));
            Assert.That(ex, Is.Not.InstanceOf<CrmUnavailableException>());
            Assert.That(Server.Calls().Where(c => c.RequestMessage.Path.EndsWith("/results", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test(Description = "Results gone (404 NOT_FOUND on a locator: job deleted, results expired): the job is run again once and read from the start")]
    public async Task ReadAccounts_ResultSetMissingOnce_RunsTheJobAgainAndReadsItFromTheStart()
    {
        Server.Respond("POST", Jobs, Job("750J1", "JobComplete"), Job("750J2", "JobComplete"));
        Server.Results("750J1", null, CsvOf(Header, Row("001A")), "MTAwMA", 1);
        Server.Mock.Given(WireMock.RequestBuilders.Request.Create().WithPath(Jobs + "/750J1/results").WithParam("locator", "MTAwMA").UsingGet())
            .AtPriority(1).RespondWith(Error(404, "NOT_FOUND", "The requested resource does not exist"));
        Server.Results("750J2", null, CsvOf(Header, Row("001A"), Row("001B")), null, 2);

        var changes = await Read(Bulk());

        Assert.Multiple(() =>
        {
            Assert.That(changes.Select(c => c.Id), Is.EqualTo(new[] { "001A", "001A", "001B" }), "the first set's rows come again; the cache upserts by id and stamp");
            Assert.That(Server.Calls(Jobs, "POST"), Has.Count.EqualTo(2));
            Assert.That(Server.Counter.ByKind["bulk-results"], Is.EqualTo(3));
        });
    }

    [Test]
    public void ReadAccounts_ResultSetMissingAgainAfterTheRestart_CrmExceptionWithTheCrmsCode()
    {
        Server.Respond("POST", Jobs, Job("750J1", "JobComplete"));
        Server.Respond("GET", Jobs + "/750J1/results", Error(404, "NOT_FOUND", "The requested resource does not exist"));

        var ex = Assert.ThrowsAsync<CrmException>(async () => await Read(Bulk()));

        Assert.Multiple(() =>
        {
            Assert.That((ex!.CrmCode, ex.HttpStatus), Is.EqualTo(("NOT_FOUND", (int?)404)));
            Assert.That(Server.Calls(Jobs, "POST"), Has.Count.EqualTo(1 + 1), "one restart, not a loop");
        });
    }

    [Test(Description = "429 and 503 answers to a poll are retried by the existing resilience pipeline")]
    public async Task ReadAccounts_PollAnswered429Then503_RetriedByThePipelineAndTheReadCompletes()
    {
        Server.Respond("POST", Jobs, Job("750J1", "UploadComplete"));
        Server.Respond("GET", Jobs + "/750J1",
            Error(429, "REQUEST_LIMIT_EXCEEDED", "Too many requests"), Error(503, "SERVER_UNAVAILABLE", "Maintenance"), Job("750J1", "JobComplete"));
        Server.Results("750J1", null, CsvOf(Header, Row("001A")), null, 1);

        var changes = await Read(Bulk());

        Assert.Multiple(() =>
        {
            Assert.That(changes.Select(c => c.Id), Is.EqualTo(new[] { "001A" }));
            Assert.That(Server.Counter.ByKind["bulk-poll"], Is.EqualTo(3), "each attempt is a call");
        });
    }

    [Test]
    public void ReadAccounts_ResultsAnswered500Throughout_CrmUnavailableAfterTheRetries()
    {
        Server.Respond("POST", Jobs, Job("750J1", "JobComplete"));
        Server.Respond("GET", Jobs + "/750J1/results", Error(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred"));

        Assert.ThrowsAsync<CrmUnavailableException>(async () => await Read(Bulk()));
        Assert.That(Server.Counter.ByKind["bulk-results"], Is.EqualTo(1 + 2), "the pipeline's two retries");
    }

    [Test(Description = "A job still running after BulkMaxWait is aborted (PATCH state Aborted) and the cycle ends")]
    public void ReadAccounts_JobStillRunningAfterMaxWait_AbortsItAndEndsTheCycle()
    {
        Server.Respond("POST", Jobs, Job("750J1", "UploadComplete"));
        Server.Respond("GET", Jobs + "/750J1", Job("750J1", "InProgress"));
        Server.Respond("PATCH", Jobs + "/750J1", Job("750J1", "Aborted"));

        var ex = Assert.ThrowsAsync<CrmException>(async () => await Read(Server.Connector(o =>
            (o.BulkThreshold, o.BulkPollInterval, o.BulkMaxWait) = (2, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(30)))));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.CrmCode, Is.EqualTo("BULK_QUERY_TIMEOUT"));
            Assert.That(Body(Server.Calls(Jobs + "/750J1", "PATCH").Single()).GetProperty("state").GetString(), Is.EqualTo("Aborted"));
        });
    }

    [Test]
    public void ReadAccounts_UnclosedQuoteInTheCsv_MalformedResponseNotAGuess()
    {
        Server.Respond("POST", Jobs, Job("750J1", "JobComplete"));
        Server.Results("750J1", null, "\"Id\",\"Name\",\"SystemModstamp\"\n\"001A\",\"Acme,\"2026-05-20T20:49:32.000Z\"\n", null, 1);

        var ex = Assert.ThrowsAsync<CrmException>(async () => await Read(Bulk()));

        Assert.That(ex!.CrmCode, Is.EqualTo("MALFORMED_RESPONSE"));
    }

    private static string?[] Row(string id) => [id, "Acme " + id, "2026-05-20T20:49:32.000Z", "false", "005INTEGRATION"];

    private ICrmConnector Bulk() => Server.Connector(o => (o.BulkThreshold, o.BulkPollInterval) = (2, TimeSpan.FromMilliseconds(1)));

    private static async Task<List<CrmChange<AccountRecord>>> Read(ICrmConnector connector) =>
        await connector.ReadAccountsAsync(ReadCursor.Start, CancellationToken.None).ToListAsync();
}
