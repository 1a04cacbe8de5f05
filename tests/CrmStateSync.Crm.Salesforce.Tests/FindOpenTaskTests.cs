using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Tests.TestSupport;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests;

/// <summary>sync.md step 6: a restart resumes "with … no duplicate … task" — the worker finds the task it created before a
/// crash by the marker in its subject; the open-only filter is Salesforce's (IsClosed), so the SOQL must ask for it.</summary>
public class FindOpenTaskTests : SalesforceServerTest
{
    private const string Marker = "[crmstatesync:AdoptionIntervention:001A]";

    [Test]
    public async Task FindOpenTask_Found_QueriesOpenTasksOfTheAccountByMarkerAndReturnsTheId()
    {
        Server.Respond("GET", Data + "/query", Json(200, new
        {
            totalSize = 1, done = true, records = new[] { new { attributes = new { type = "Task", url = Data + "/sobjects/Task/00T1" }, Id = "00T1" } },
        }));

        var id = await Server.Connector().FindOpenTaskAsync("001A", Marker, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(id, Is.EqualTo("00T1"));
            Assert.That(Soql(Server.Calls(Data + "/query", "GET").Single()),
                Is.EqualTo("SELECT Id FROM Task WHERE WhatId = '001A' AND IsClosed = false AND Subject LIKE '%[crmstatesync:AdoptionIntervention:001A]%' LIMIT 1"));
        });
    }

    [Test]
    public async Task FindOpenTask_NoRecords_IsNull()
    {
        Server.Respond("GET", Data + "/query", Json(200, new { totalSize = 0, done = true, records = Array.Empty<object>() }));

        var id = await Server.Connector().FindOpenTaskAsync("001A", Marker, CancellationToken.None);

        Assert.That(id, Is.Null);
    }

    [Test]
    public async Task FindOpenTask_WildcardsAndQuotesInTheMarker_AreEscaped()
    {
        Server.Respond("GET", Data + "/query", Json(200, new { totalSize = 0, done = true, records = Array.Empty<object>() }));

        await Server.Connector().FindOpenTaskAsync("00'1", "[a_b%c]", CancellationToken.None);

        Assert.That(Soql(Server.Calls(Data + "/query", "GET").Single()), Does.Contain(@"WhatId = '00\'1'").And.Contain(@"Subject LIKE '%[a\_b\%c]%'"));
    }

    [Test]
    public void FindOpenTask_Refused_IsACrmExceptionWithTheCode()
    {
        Server.Respond("GET", Data + "/query", Error(400, "INVALID_FIELD", "No such column 'IsClosed' on entity 'Task'."));

        var ex = Assert.ThrowsAsync<CrmException>(() => Server.Connector().FindOpenTaskAsync("001A", Marker, CancellationToken.None));

        Assert.That(ex!.CrmCode, Is.EqualTo("INVALID_FIELD"));
    }

    [Test]
    public async Task CreateTask_WithMarker_EndsTheSubjectWithIt()
    {
        Server.Respond("POST", Data + "/composite/sobjects", Json(200, new[] { Some.Saved("00T1") }));
        var task = new TaskRequest("001A", null, "Adoption is slipping", "why", new DateOnly(2026, 6, 1)) { Marker = Marker };

        await Server.Connector().CreateTaskAsync(task, CancellationToken.None);

        var body = Body(Server.Calls(Data + "/composite/sobjects", "POST").Single()).GetProperty("records")[0];
        Assert.That(body.GetProperty("Subject").GetString(), Is.EqualTo("Adoption is slipping " + Marker));
    }
}
