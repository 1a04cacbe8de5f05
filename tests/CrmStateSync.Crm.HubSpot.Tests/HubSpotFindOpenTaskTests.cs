namespace CrmStateSync.Crm.HubSpot.Tests;

/// <summary>sync.md step 6: a restart resumes "with … no duplicate … task" — the worker finds the task it created before a
/// crash through the company's task associations (not the lagging search index) and the marker in its subject.</summary>
public sealed class HubSpotFindOpenTaskTests : HubSpotHarnessTests
{
    private const string Marker = "[crmstatesync:AdoptionIntervention:77]";
    private const string AssociationsPath = "/crm/v4/associations/companies/tasks/batch/read";
    [Test]
    public async Task FindOpenTask_OpenTaskWithMarker_ReturnsItsIdIgnoringCompletedAndUnmarkedOnes()
    {
        CompanyTasks(("p1", ["1", "2"]), (null, ["3"]));
        Tasks(Task("1", "Adoption is slipping " + Marker, "COMPLETED"), Task("2", "Call the customer", "NOT_STARTED"), Task("3", "Adoption is slipping " + Marker, "IN_PROGRESS"));

        var id = await Hs.Connector().FindOpenTaskAsync("77", Marker, default);

        var associationReads = Hs.Calls("POST", AssociationsPath).Select(HubSpotHarness.Body).ToList();
        var read = HubSpotHarness.Body(Hs.Calls("POST", "/crm/v3/objects/tasks/batch/read").Single());
        Assert.Multiple(() =>
        {
            Assert.That(id, Is.EqualTo("3"));
            Assert.That(associationReads.Select(b => b.GetProperty("inputs")[0].GetProperty("id").GetString()), Is.EqualTo(new[] { "77", "77" }));
            Assert.That(associationReads[1].GetProperty("inputs")[0].GetProperty("after").GetString(), Is.EqualTo("p1"), "follows the id's paging token");
            Assert.That(read.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("id").GetString()), Is.EqualTo(new[] { "1", "2", "3" }));
            Assert.That(read.GetProperty("properties").EnumerateArray().Select(p => p.GetString()), Is.EquivalentTo(new[] { "hs_task_subject", "hs_task_status" }));
        });
    }

    [Test]
    public async Task FindOpenTask_OnlyACompletedTaskCarriesTheMarker_IsNull()
    {
        CompanyTasks((null, ["1"]));
        Tasks(Task("1", "Adoption is slipping " + Marker, "COMPLETED"));

        Assert.That(await Hs.Connector().FindOpenTaskAsync("77", Marker, default), Is.Null);
    }

    [Test]
    public async Task FindOpenTask_CompanyHasNoTasks_IsNullWithoutReadingTasks()
    {
        CompanyTasks((null, []));

        var id = await Hs.Connector().FindOpenTaskAsync("77", Marker, default);

        Assert.That((id, Hs.Calls("POST", "/crm/v3/objects/tasks/batch/read").Count), Is.EqualTo(((string?)null, 0)));
    }

    [Test]
    public async Task CreateTask_WithMarker_EndsTheSubjectWithIt()
    {
        Some.Json(Hs.Server, Request.Create().WithPath("/crm/v3/objects/tasks/batch/create").UsingPost(), 201, new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray(new JsonObject { ["id"] = "555", ["objectWriteTraceId"] = "0", ["properties"] = new JsonObject() }) });

        await Hs.Connector().CreateTaskAsync(new TaskRequest("77", null, "Adoption is slipping", "why", new DateOnly(2026, 6, 1)) { Marker = Marker }, default);

        var body = HubSpotHarness.Body(Hs.Calls("POST", "/crm/v3/objects/tasks/batch/create").Single()).GetProperty("inputs")[0];
        Assert.That(body.GetProperty("properties").GetProperty("hs_task_subject").GetString(), Is.EqualTo("Adoption is slipping " + Marker));
    }

    private static JsonObject Task(string id, string subject, string status) =>
        Some.Record(id, new JsonObject { ["hs_task_subject"] = subject, ["hs_task_status"] = status });

    /// <summary>Company 77's tasks in pages; each page but the last names the <c>after</c> of the next.</summary>
    private void CompanyTasks(params (string? Next, string[] Ids)[] pages) =>
        Hs.Server.Given(Request.Create().WithPath(AssociationsPath).UsingPost()).RespondWith(Response.Create().WithCallback(req =>
        {
            var after = (string?)JsonNode.Parse(req.Body!)!["inputs"]![0]!["after"];
            var index = after is null ? 0 : Array.FindIndex(pages, p => p.Next == after) + 1;
            var (next, ids) = pages[index];
            var result = new JsonObject
            {
                ["from"] = new JsonObject { ["id"] = "77" },
                ["to"] = new JsonArray([.. ids.Select(i => (JsonNode)new JsonObject { ["toObjectId"] = long.Parse(i, System.Globalization.CultureInfo.InvariantCulture), ["associationTypes"] = new JsonArray() })]),
            };
            if (next is not null)
            {
                result["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = next } };
            }

            return FakeSearch.Json(200, new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray(result) });
        }));

    private void Tasks(params JsonObject[] tasks) =>
        Some.Json(Hs.Server, Request.Create().WithPath("/crm/v3/objects/tasks/batch/read").UsingPost(), 200, new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray(tasks) });
}
