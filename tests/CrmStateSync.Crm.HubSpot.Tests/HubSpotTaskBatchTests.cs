using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace CrmStateSync.Crm.HubSpot.Tests;

/// <summary>
/// sync.md "Tasks exactly once": tasks go out in HubSpot batch creates of up to 100, associated to their company; a
/// refused task keeps HubSpot's category and message and the others are created; a create whose answer was lost is
/// reported unknown (to be looked up by marker), never resent by the pipeline.
/// </summary>
public sealed class HubSpotTaskBatchTests : HubSpotHarnessTests
{
    private const string CreatePath = "/crm/v3/objects/tasks/batch/create";
    [Test]
    public async Task CreateTasks_250Tasks_ThreeBatchCreateCallsOfAtMost100()
    {
        Hs.Server.Given(Request.Create().WithPath(CreatePath).UsingPost()).RespondWith(Response.Create().WithCallback(Created));

        var results = await Hs.Connector().CreateTasksAsync([.. Enumerable.Range(1, 250).Select(i => Task($"{i}"))], default);

        var calls = Hs.Calls("POST", CreatePath);
        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => HubSpotHarness.Body(c).GetProperty("inputs").GetArrayLength()), Is.EqualTo(new[] { 100, 100, 50 }));
            Assert.That(results.Select(r => (r.AccountId, r.Fate)), Is.EqualTo(Enumerable.Range(1, 250).Select(i => ($"{i}", TaskFate.Created))));
            Assert.That(results.Select(r => r.TaskId), Is.Unique);
        });
    }

    [Test]
    public async Task CreateTasks_ResultsOutOfOrder_MatchedToTheirInputsByTraceId()
    {
        Hs.Server.Given(Request.Create().WithPath(CreatePath).UsingPost()).RespondWith(Response.Create().WithCallback(r => Created(r, reverse: true)));

        var results = await Hs.Connector().CreateTasksAsync([Task("1"), Task("2"), Task("3")], default);

        Assert.That(results.Select(r => r.TaskId), Is.EqualTo(new[] { "t-1", "t-2", "t-3" }));
    }

    [Test]
    public async Task CreateTasks_OneRefusedInTheBatch_OthersCreatedAndTheRefusedOneKeepsTheCrmCodeAndMessage()
    {
        Some.Json(Hs.Server, Request.Create().WithPath(CreatePath).UsingPost(), 207, new JsonObject
        {
            ["status"] = "COMPLETE",
            ["numErrors"] = 1,
            ["results"] = new JsonArray(Result("t-1", "0"), Result("t-3", "2")),
            ["errors"] = new JsonArray(new JsonObject
            {
                ["status"] = "error", ["category"] = "VALIDATION_ERROR", ["message"] = "hubspot_owner_id: 42 is not a valid owner",
                ["context"] = new JsonObject { ["objectWriteTraceId"] = new JsonArray("1") },
            }),
        });

        var results = await Hs.Connector().CreateTasksAsync([Task("1"), Task("2"), Task("3")], default);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => (r.AccountId, r.Fate, r.TaskId)), Is.EqualTo(new[]
            {
                ("1", TaskFate.Created, (string?)"t-1"), ("2", TaskFate.Refused, null), ("3", TaskFate.Created, "t-3"),
            }));
            Assert.That((results[1].Errors.Single().Code, results[1].Errors.Single().Message, results[1].Transient),
                Is.EqualTo(("VALIDATION_ERROR", "hubspot_owner_id: 42 is not a valid owner", false)));
        });
    }

    [Test]
    public async Task CreateTasks_ServerErrorAfterItMayHaveLanded_NotResentAndReportedUnknown()
    {
        Some.Json(Hs.Server, Request.Create().WithPath(CreatePath).UsingPost(), 500, new JsonObject { ["status"] = "error", ["message"] = "internal error" });

        var result = await Hs.Connector().CreateTaskAsync(Task("1"), default);

        Assert.That((result.Fate, result.Errors.Single().Code, Hs.Calls("POST", CreatePath).Count), Is.EqualTo((TaskFate.Unknown, "ANSWER_LOST", 1)));
    }

    [Test]
    public async Task CreateTasks_AnswerTimesOutAfterItLanded_NotResentAndReportedUnknown()
    {
        Hs.Server.Given(Request.Create().WithPath(CreatePath).UsingPost()).RespondWith(Response.Create().WithCallback(Created).WithDelay(TimeSpan.FromSeconds(2)));
        var connector = Hs.Connector(o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(500));

        var result = await connector.CreateTaskAsync(Task("1"), default);
        await System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(2.5)); // WireMock logs a delayed request once answered

        Assert.That((result.Fate, Hs.Calls("POST", CreatePath).Count), Is.EqualTo((TaskFate.Unknown, 1)));
    }

    private static TaskRequest Task(string companyId) =>
        new(companyId, null, "Adoption is slipping", "why", new DateOnly(2026, 6, 1)) { Marker = $"[crmstatesync:AdoptionIntervention:{companyId}]" };

    private static JsonObject Result(string id, string traceId) =>
        new() { ["id"] = id, ["objectWriteTraceId"] = traceId, ["properties"] = new JsonObject(), ["archived"] = false };

    /// <summary>201 with one result per input, each carrying its input's trace id; the task id is <c>t-{company}</c>.</summary>
    private static ResponseMessage Created(IRequestMessage request) => Created(request, reverse: false);

    private static ResponseMessage Created(IRequestMessage request, bool reverse)
    {
        var inputs = JsonDocument.Parse(request.Body!).RootElement.GetProperty("inputs").EnumerateArray().ToList();
        var results = inputs.Select(i => (JsonNode)Result("t-" + i.GetProperty("associations")[0].GetProperty("to").GetProperty("id").GetString(), i.GetProperty("objectWriteTraceId").GetString()!));
        var body = new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray([.. reverse ? results.Reverse() : results]) };
        return new ResponseMessage
        {
            StatusCode = 201,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
        };
    }
}
