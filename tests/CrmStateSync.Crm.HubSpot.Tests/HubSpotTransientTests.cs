namespace CrmStateSync.Crm.HubSpot.Tests;

/// <summary>
/// sync.md "Transient is transient": a per-record lock or conflict HubSpot says to retry (<c>CONFLICT</c>, 423 Locked)
/// is journaled as transient and retried on a later cycle; a validation refusal is not.
/// </summary>
public sealed class HubSpotTransientTests : HubSpotHarnessTests
{
    private const string UpdatePath = "/crm/v3/objects/companies/batch/update";
    [TestCase("CONFLICT", "error", true, TestName = "WriteAccounts_PerRecordConflict_IsTransient")]
    [TestCase(null, "423", true, TestName = "WriteAccounts_PerRecordLocked423_IsTransient")]
    [TestCase("VALIDATION_ERROR", "error", false, TestName = "WriteAccounts_PerRecordValidationError_IsNotTransient")]
    public async Task WriteAccounts_PerRecordRefusal(string? category, string status, bool transient)
    {
        Some.Json(Hs.Server, Request.Create().WithPath(UpdatePath).UsingPost(), 207, new JsonObject
        {
            ["status"] = "COMPLETE",
            ["numErrors"] = 1,
            ["results"] = new JsonArray(Some.Record("1")),
            ["errors"] = new JsonArray(new JsonObject
            {
                ["status"] = status, ["category"] = category, ["message"] = "refused",
                ["context"] = new JsonObject { ["ids"] = new JsonArray("2") },
            }),
        });

        var results = await Hs.Connector().WriteAccountsAsync([Write("1"), Write("2")], default);

        Assert.That(results.Select(r => (r.RecordId, r.Success, r.Transient)), Is.EqualTo(new[] { ("1", true, false), ("2", false, transient) }));
    }

    [Test]
    public async Task WriteAccounts_WholeBatchConflict_EveryRecordTransient()
    {
        Some.Json(Hs.Server, Request.Create().WithPath(UpdatePath).UsingPost(), 409,
            new JsonObject { ["status"] = "error", ["category"] = "CONFLICT", ["message"] = "a concurrent update holds these records" });

        var results = await Hs.Connector().WriteAccountsAsync([Write("1"), Write("2")], default);

        Assert.That(results.Select(r => (r.Success, r.Transient, r.Errors.Single().Code)), Is.All.EqualTo((false, true, "CONFLICT")));
    }

    private static AccountWrite Write(string id) => new(id, new Dictionary<string, object?> { [ManagedField.StageReason] = "why" });
}
