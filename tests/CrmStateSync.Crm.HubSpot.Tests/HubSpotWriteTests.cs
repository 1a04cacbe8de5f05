using CrmStateSync.Crm.Mapping;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.HubSpot.Tests;

public sealed class HubSpotWriteTests : HubSpotHarnessTests
{
    private const string UpdatePath = "/crm/v3/objects/companies/batch/update";
    [Test]
    public async Task WriteAccounts_250Writes_ExactlyThreeCallsOfAtMost100Inputs()
    {
        Some.Json(Hs.Server, Request.Create().WithPath(UpdatePath).UsingPost(), 200, new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray() });
        var writes = Enumerable.Range(1, 250).Select(i => Write(i.ToString(System.Globalization.CultureInfo.InvariantCulture), ManagedField.StageReason, "why")).ToList();

        var results = await Hs.Connector().WriteAccountsAsync(writes, default);

        var calls = Hs.Calls("POST", UpdatePath);
        Assert.That(calls.Select(c => HubSpotHarness.Body(c).GetProperty("inputs").GetArrayLength()), Is.EqualTo(new[] { 100, 100, 50 }));
        Assert.That(results.Select(r => r.RecordId), Is.EqualTo(writes.Select(w => w.AccountId)));
        Assert.That(results.Select(r => r.Success), Is.All.True);
    }

    [Test]
    public async Task WriteAccounts_Values_SentAsHubSpotStringsWithDatesAsIsoDates()
    {
        Some.Json(Hs.Server, Request.Create().WithPath(UpdatePath).UsingPost(), 200, new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray() });
        var write = new AccountWrite("9", new Dictionary<string, object?>
        {
            [ManagedField.StageEntryDate("Adopting")] = new DateOnly(2026, 5, 4),
            [ManagedField.Stage] = "At-Risk",
            [ManagedField.State(CsState.GoalClarity)] = StateValue.Slipping,
            [ManagedField.MilestoneStalled] = true,
            [ManagedField.MilestonesCompleted] = 3,
            [ManagedField.OverrideReason] = null,
        });

        await Hs.Connector().WriteAccountsAsync([write], default);

        var input = HubSpotHarness.Body(Hs.Calls("POST", UpdatePath).Single()).GetProperty("inputs")[0];
        var properties = input.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => (p.Value.ValueKind, p.Value.GetString()));
        Assert.That(input.GetProperty("id").GetString(), Is.EqualTo("9"));
        Assert.That(properties, Is.EquivalentTo(new Dictionary<string, (JsonValueKind, string?)>
        {
            ["cs_adopting_entry_date"] = (JsonValueKind.String, "2026-05-04"),
            ["cs_lifecycle_stage"] = (JsonValueKind.String, "at_risk"),
            ["cs_goal_clarity"] = (JsonValueKind.String, "slipping"),
            ["cs_milestone_stalled"] = (JsonValueKind.String, "true"),
            ["cs_milestones_completed"] = (JsonValueKind.String, "3"),
            ["cs_override_reason"] = (JsonValueKind.String, ""),
        }));
    }

    [Test]
    public async Task WriteAccounts_207MultiStatus_FailuresMappedToTheirRecords()
    {
        var body = new JsonObject
        {
            ["status"] = "COMPLETE",
            ["numErrors"] = 2,
            ["results"] = new JsonArray(Some.Record("1")),
            ["errors"] = new JsonArray(
                new JsonObject { ["status"] = "error", ["category"] = "VALIDATION_ERROR", ["message"] = "INVALID_DATE", ["context"] = new JsonObject { ["ids"] = new JsonArray("2"), ["propertyName"] = new JsonArray("cs_adopting_entry_date") } },
                new JsonObject { ["category"] = "RATE_LIMITS", ["message"] = "slow down", ["context"] = new JsonObject { ["ids"] = new JsonArray("3") }, ["extra"] = 1 }),
        };
        Some.Json(Hs.Server, Request.Create().WithPath(UpdatePath).UsingPost(), 207, body);

        var results = await Hs.Connector().WriteAccountsAsync([Write("1", ManagedField.StageReason, "a"), Write("2", ManagedField.StageReason, "b"), Write("3", ManagedField.StageReason, "c")], default);

        Assert.That(results.Select(r => (r.RecordId, r.Success, r.Transient)), Is.EqualTo(new[] { ("1", true, false), ("2", false, false), ("3", false, true) }));
        Assert.That(results[1].Errors.Single(), Is.EqualTo(new CrmError("VALIDATION_ERROR", "INVALID_DATE", ["cs_adopting_entry_date"])).Using<CrmError>(SameError));
        Assert.That((results[2].Errors.Single().Code, results[2].Errors.Single().Message), Is.EqualTo(("RATE_LIMITS", "slow down")));
    }

    [Test]
    public async Task WriteAccounts_WholeBatchValidationError_AllFailedNotTransientWithCategoryAndMessage()
    {
        Some.Json(Hs.Server, Request.Create().WithPath(UpdatePath).UsingPost(), 400,
            new JsonObject { ["status"] = "error", ["category"] = "VALIDATION_ERROR", ["message"] = "Property values were not valid", ["correlationId"] = "abc" });

        var results = await Hs.Connector().WriteAccountsAsync([Write("1", ManagedField.StageReason, "a"), Write("2", ManagedField.StageReason, "b")], default);

        Assert.That(results.Select(r => (r.Success, r.Transient, r.Errors.Single().Code, r.Errors.Single().Message)),
            Is.All.EqualTo((false, false, "VALIDATION_ERROR", "Property values were not valid")));
    }

    [Test]
    public async Task WriteAccounts_ValueTheMappingRejects_FailsBeforeSendingAndOthersAreSent()
    {
        Some.Json(Hs.Server, Request.Create().WithPath(UpdatePath).UsingPost(), 200, new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray() });

        var results = await Hs.Connector().WriteAccountsAsync([Write("1", ManagedField.Stage, "Hibernating"), Write("2", ManagedField.StageReason, "ok")], default);

        Assert.That((results[0].Success, results[0].Transient, results[0].Errors.Single().Code), Is.EqualTo((false, false, WriteMapper.InvalidCode)));
        Assert.That(results[1].Success, Is.True);
        var ids = HubSpotHarness.Body(Hs.Calls("POST", UpdatePath).Single()).GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("id").GetString());
        Assert.That(ids, Is.EqualTo(new[] { "2" }));
    }

    [Test]
    public async Task WriteAccounts_LockedAfterRetries_AllFailedTransientWithStatusKept()
    {
        Some.Json(Hs.Server, Request.Create().WithPath(UpdatePath).UsingPost(), 423, new JsonObject { ["status"] = "error", ["message"] = "Record is locked" });

        var results = await Hs.Connector(o => o.Resilience.MaxRetries = 1).WriteAccountsAsync([Write("1", ManagedField.StageReason, "a")], default);

        Assert.That((results[0].Success, results[0].Transient, results[0].Errors.Single().Code, results[0].Errors.Single().Message), Is.EqualTo((false, true, "423", "Record is locked")));
        Assert.That(Hs.Calls("POST", UpdatePath), Has.Count.EqualTo(2), "one retry configured");
    }

    private static AccountWrite Write(string id, string key, object? value) => new(id, new Dictionary<string, object?> { [key] = value });

    private static bool SameError(CrmError a, CrmError b) => a.Code == b.Code && a.Message == b.Message && a.Fields.SequenceEqual(b.Fields);
}
