using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Tests.TestSupport;
using WireMock.ResponseBuilders;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests;

/// <summary>
/// sync.md "Tasks exactly once": creating a task is not idempotent, so no layer resends a create blindly — a create whose
/// answer was lost is reported unknown, to be looked up by its marker; tasks go out in sObject Collections creates of up
/// to 200; a refused task keeps the CRM's code and message and the others are created; task creates count against the
/// write budget share.
/// </summary>
public class TaskBatchTests : SalesforceServerTest
{
    private const string Composite = Data + "/composite/sobjects";

    [Test]
    public async Task CreateTasks_EmptyAnswerAfterTheCreateLanded_SentOnceAndReportedUnknown()
    {
        Server.Respond("POST", Composite, Response.Create().WithFault(FaultType.EMPTY_RESPONSE));

        var result = await Server.Connector().CreateTaskAsync(Request("001A"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Server.Calls(Composite, "POST"), Has.Count.EqualTo(1), "an unreadable answer says nothing about the create: not resent");
            Assert.That((result.Fate, result.TaskId), Is.EqualTo((TaskFate.Unknown, (string?)null)));
            Assert.That(result.Errors.Single().Code, Is.EqualTo("ANSWER_LOST"));
        });
    }

    [Test]
    public async Task CreateTasks_TimeoutAfterTheCreateLanded_SentOnceAndReportedUnknown()
    {
        Server.Respond("POST", Composite, Json(200, new[] { Some.Saved("00T1") }).WithDelay(TimeSpan.FromSeconds(2)));
        var connector = Server.Connector(o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        var result = await connector.CreateTaskAsync(Request("001A"), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3)); // WireMock logs a delayed request once it has answered; a resend would be logged by then too

        Assert.Multiple(() =>
        {
            Assert.That(Server.Calls(Composite, "POST"), Has.Count.EqualTo(1), "a timed-out create may have landed: not resent");
            Assert.That(result.Fate, Is.EqualTo(TaskFate.Unknown));
        });
    }

    [TestCase(429, "REQUEST_LIMIT_EXCEEDED_CONCURRENT", TestName = "CreateTasks_ThrottledBeforeProcessing_RetriedAndCreatedOnce")]
    [TestCase(503, "SERVER_UNAVAILABLE", TestName = "CreateTasks_UnavailableBeforeProcessing_RetriedAndCreatedOnce")]
    public async Task CreateTasks_RefusedBeforeProcessing_Retried(int status, string code)
    {
        Server.Respond("POST", Composite, Error(status, code, "try again"), Json(200, new[] { Some.Saved("00T1") }));

        var result = await Server.Connector().CreateTaskAsync(Request("001A"), CancellationToken.None);

        Assert.That((result.Fate, result.TaskId, Server.Calls(Composite, "POST").Count), Is.EqualTo((TaskFate.Created, (string?)"00T1", 2)));
    }

    [Test]
    public async Task CreateTasks_ServerErrorAfterItMayHaveLanded_NotResentAndReportedUnknown()
    {
        Server.Respond("POST", Composite, Error(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred"));

        var result = await Server.Connector().CreateTaskAsync(Request("001A"), CancellationToken.None);

        Assert.That((result.Fate, Server.Calls(Composite, "POST").Count), Is.EqualTo((TaskFate.Unknown, 1)));
    }

    [Test]
    public async Task CreateTasks_OneRefusedInTheBatch_OthersCreatedAndTheRefusedOneKeepsTheCrmCodeAndMessage()
    {
        Server.Respond("POST", Composite, Json(200, new[]
        {
            Some.Saved("00T1"),
            Some.Refused("", "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Tasks need an active owner", "OwnerId"),
            Some.Saved("00T3"),
        }));

        var results = await Server.Connector().CreateTasksAsync([Request("001A"), Request("001B"), Request("001C")], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => (r.AccountId, r.Fate, r.TaskId)), Is.EqualTo(new[]
            {
                ("001A", TaskFate.Created, (string?)"00T1"), ("001B", TaskFate.Refused, null), ("001C", TaskFate.Created, "00T3"),
            }));
            Assert.That(results[1].Errors.Single(), Is.EqualTo(results[1].Errors[0] with { Code = "FIELD_CUSTOM_VALIDATION_EXCEPTION", Message = "Tasks need an active owner" }));
            Assert.That(results[1].Transient, Is.False);
            Assert.That(Server.Calls(Composite, "POST"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task CreateTasks_250Tasks_TwoCollectionCallsOfAtMost200()
    {
        Server.Respond("POST", Composite,
            Json(200, Enumerable.Range(0, 200).Select(i => Some.Saved($"00T{i:D5}"))),
            Json(200, Enumerable.Range(200, 50).Select(i => Some.Saved($"00T{i:D5}"))));

        var results = await Server.Connector().CreateTasksAsync([.. Enumerable.Range(0, 250).Select(i => Request($"001{i:D5}"))], CancellationToken.None);

        var calls = Server.Calls(Composite, "POST");
        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => Body(c).GetProperty("records").GetArrayLength()), Is.EqualTo(new[] { 200, 50 }));
            Assert.That(results.Select(r => r.TaskId), Is.EqualTo(Enumerable.Range(0, 250).Select(i => $"00T{i:D5}")));
        });
    }

    [Test]
    public async Task CreateTasks_UsageReachesWriteShare_TaskCreatesStopLikeFieldWrites()
    {
        Server.Respond("POST", Composite, Json(200, Enumerable.Range(0, 200).Select(i => Some.Saved($"00T{i:D5}")), "api-usage=500/1000"));
        var connector = Server.Connector(o => o.WriteBudgetShare = 0.5);

        var results = await connector.CreateTasksAsync([.. Enumerable.Range(0, 250).Select(i => Request($"001{i:D5}"))], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Server.Calls(Composite, "POST"), Has.Count.EqualTo(1), "the second batch is held back");
            Assert.That(results.Take(200).Select(r => r.Fate), Is.All.EqualTo(TaskFate.Created));
            Assert.That(results.Skip(200).Select(r => (r.Fate, r.Transient, r.Errors[0].Code)), Is.All.EqualTo((TaskFate.Refused, true, "WRITE_BUDGET_SHARE")));
        });
    }

    private static TaskRequest Request(string accountId) => new(accountId, null, "Adoption is slipping", "why", new DateOnly(2026, 6, 1)) { Marker = $"[crmstatesync:AdoptionIntervention:{accountId}]" };
}
