using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Tests.TestSupport;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests;

public class WriteTests : SalesforceServerTest
{
    private const string Composite = Data + "/composite/sobjects";

    [Test]
    public async Task WriteAccounts_PartialFailure_MapsEachResultInOrder()
    {
        Server.Respond("PATCH", Composite, Json(200, new[]
        {
            Some.Saved("001A"),
            Some.Refused("001B", "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Reason is required", "Lifecycle_Stage_Reason__c"),
            Some.Refused("001C", "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record"),
        }));

        var results = await Server.Connector().WriteAccountsAsync([Write("001A"), Write("001B"), Write("001C")], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => (r.RecordId, r.Success, r.Transient)), Is.EqualTo(new[] { ("001A", true, false), ("001B", false, false), ("001C", false, true) }));
            Assert.That(results[1].Errors.Single(), Is.EqualTo(results[1].Errors[0] with { Code = "FIELD_CUSTOM_VALIDATION_EXCEPTION", Message = "Reason is required" }));
            Assert.That(results[1].Errors[0].Fields, Is.EqualTo(new[] { "Lifecycle_Stage_Reason__c" }));
            Assert.That(results[2].Errors[0].Code, Is.EqualTo("UNABLE_TO_LOCK_ROW"));
        });
    }

    [Test]
    public async Task WriteAccounts_450Records_ThreePatchCallsOfAtMost200WithAllOrNoneFalse()
    {
        Server.Mock.Given(WireMock.RequestBuilders.Request.Create().WithPath(Composite).UsingPatch())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(request =>
            {
                var ids = JsonDocument.Parse(request.Body!).RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetString()!);
                return new WireMock.ResponseMessage
                {
                    StatusCode = 200,
                    BodyData = new WireMock.Util.BodyData { BodyAsString = JsonSerializer.Serialize(ids.Select(Some.Saved)), DetectedBodyType = WireMock.Types.BodyType.String },
                };
            }));
        var writes = Enumerable.Range(0, 450).Select(i => Write($"001{i:D5}")).ToList();

        var results = await Server.Connector().WriteAccountsAsync(writes, CancellationToken.None);

        var bodies = Server.Calls(Composite, "PATCH").Select(Body).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(bodies.Select(b => b.GetProperty("records").GetArrayLength()), Is.EqualTo(new[] { 200, 200, 50 }));
            Assert.That(bodies.Select(b => b.GetProperty("allOrNone").GetBoolean()), Is.All.False);
            Assert.That(results.Select(r => r.RecordId), Is.EqualTo(writes.Select(w => w.AccountId)));
            Assert.That(results, Is.All.Matches<WriteResult>(r => r.Success));
        });
    }

    [Test]
    public async Task WriteAccounts_RecordShape_AttributesIdAndMappedFieldsWithNullToClear()
    {
        Server.Respond("PATCH", Composite, Json(200, new[] { Some.Saved("001A") }));
        var write = new AccountWrite("001A", new Dictionary<string, object?>
        {
            [ManagedField.Stage] = "At-Risk", [ManagedField.StageEntryDate("At-Risk")] = new DateOnly(2026, 5, 1),
            [ManagedField.MilestonesCompleted] = 3, [ManagedField.MilestoneStalled] = true, [ManagedField.OverrideReason] = null,
        });

        await Server.Connector().WriteAccountsAsync([write], CancellationToken.None);

        var call = Server.Calls(Composite).Single();
        var record = Body(call).GetProperty("records")[0];
        Assert.Multiple(() =>
        {
            Assert.That(Header(call, "Content-Type"), Does.StartWith("application/json"));
            Assert.That(record.GetProperty("attributes").GetProperty("type").GetString(), Is.EqualTo("Account"));
            Assert.That(record.GetProperty("id").GetString(), Is.EqualTo("001A"));
            Assert.That(record.GetProperty("Customer_Lifecycle_Stage__c").GetString(), Is.EqualTo("At-Risk"));
            Assert.That(record.GetProperty("Lifecycle_At_Risk_Entry_Date__c").GetString(), Is.EqualTo("2026-05-01"));
            Assert.That(record.GetProperty("CS_Milestones_Completed__c").GetDouble(), Is.EqualTo(3));
            Assert.That(record.GetProperty("CS_Milestone_Stalled__c").GetBoolean(), Is.True);
            Assert.That(record.GetProperty("Lifecycle_Override_Reason__c").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task WriteAccounts_InvalidPicklistValue_FailsBeforeSendAndSendsTheRest()
    {
        Server.Respond("PATCH", Composite, Json(200, new[] { Some.Saved("001B") }));
        var invalid = new AccountWrite("001A", new Dictionary<string, object?> { [ManagedField.Stage] = "Thriving" });

        var results = await Server.Connector().WriteAccountsAsync([invalid, Write("001B")], CancellationToken.None);

        var sent = Body(Server.Calls(Composite).Single()).GetProperty("records");
        Assert.Multiple(() =>
        {
            Assert.That(results[0].Errors.Single().Code, Is.EqualTo("INVALID_BEFORE_SEND"));
            Assert.That(results[0].Transient, Is.False);
            Assert.That(results[1].Success, Is.True);
            Assert.That(sent.GetArrayLength(), Is.EqualTo(1));
            Assert.That(sent[0].GetProperty("id").GetString(), Is.EqualTo("001B"));
        });
    }

    [Test]
    public async Task WriteAccounts_UsageReachesWriteShare_StopsBeforeTheNextBatch()
    {
        Server.Respond("PATCH", Composite,
            Json(200, Enumerable.Range(0, 200).Select(i => Some.Saved($"001{i:D5}")), "api-usage=499/1000"),
            Json(200, Enumerable.Range(200, 200).Select(i => Some.Saved($"001{i:D5}")), "api-usage=500/1000; per-app-api-usage=17/5000(appName=sync)"));
        var connector = Server.Connector(o => o.WriteBudgetShare = 0.5);

        var results = await connector.WriteAccountsAsync([.. Enumerable.Range(0, 450).Select(i => Write($"001{i:D5}"))], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(Server.Calls(Composite), Has.Count.EqualTo(2));
            Assert.That(results.Take(400).Select(r => r.Success), Is.All.True, "the batches sent keep their results");
            Assert.That(results.Skip(400).Select(r => (r.Success, r.Transient, r.Errors[0].Code)), Is.All.EqualTo((false, true, "WRITE_BUDGET_SHARE")));
            Assert.That(results[449].Errors[0].Message, Does.Contain("500/1000").And.Contain("Crm:Salesforce:WriteBudgetShare"));
            Assert.That(connector.Usage, Is.EqualTo(connector.Usage with { Used = 500, Max = 1000 }));
        });
    }

    private static AccountWrite Write(string id) => new(id, new Dictionary<string, object?> { [ManagedField.StageReason] = "Adopting: 3 of 6 states hit" });
}
