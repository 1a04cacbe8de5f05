using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Tests.TestSupport;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests;

public class DescribeAndTaskTests : SalesforceServerTest
{
    [TestCase("string", CrmFieldType.Text)]
    [TestCase("textarea", CrmFieldType.Text)]
    [TestCase("double", CrmFieldType.Number)]
    [TestCase("int", CrmFieldType.Number)]
    [TestCase("currency", CrmFieldType.Number)]
    [TestCase("percent", CrmFieldType.Number)]
    [TestCase("boolean", CrmFieldType.Boolean)]
    [TestCase("date", CrmFieldType.Date)]
    [TestCase("datetime", CrmFieldType.DateTime)]
    [TestCase("picklist", CrmFieldType.Picklist)]
    [TestCase("multipicklist", CrmFieldType.Picklist)]
    [TestCase("reference", CrmFieldType.Reference)]
    [TestCase("id", CrmFieldType.Other)]
    public async Task Describe_FieldType_MappedToContractType(string salesforceType, CrmFieldType expected)
    {
        Server.Respond("GET", Data + "/sobjects/Account/describe", Json(200, new
        {
            name = "Account",
            fields = new[] { new { name = "F__c", type = salesforceType, updateable = true, nillable = true, calculated = false, picklistValues = Array.Empty<object>() } },
        }));

        var description = await Server.Connector().DescribeAsync(CrmObject.Account, CancellationToken.None);

        Assert.That(description.Fields.Single().Type, Is.EqualTo(expected));
    }

    [Test]
    public async Task Describe_Usage_CallsCustomObjectAndKeepsPicklistUpdateableAndCalculated()
    {
        Server.Respond("GET", Data + "/sobjects/CS_Usage__c/describe", Json(200, new
        {
            name = "CS_Usage__c",
            fields = new object[]
            {
                new { name = "Kind__c", type = "picklist", updateable = true, calculated = false, restrictedPicklist = true,
                    picklistValues = new[] { new { value = "Hit", label = "Hit", active = true, defaultValue = false }, new { value = "Old", label = "Old one", active = false, defaultValue = false } } },
                new { name = "Days__c", type = "double", updateable = false, calculated = true, picklistValues = Array.Empty<object>() },
            },
        }));

        var description = await Server.Connector().DescribeAsync(CrmObject.Usage, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((description.Kind, description.Name), Is.EqualTo((CrmObject.Usage, "CS_Usage__c")));
            Assert.That(description.Fields[0].Options, Is.EqualTo(new[] { new PicklistOption("Hit", "Hit"), new PicklistOption("Old", "Old one", false) }));
            Assert.That((description.Fields[1].Updateable, description.Fields[1].Calculated), Is.EqualTo((false, true)));
        });
    }

    [Test]
    public async Task CreateTasks_Request_PostsDocumentedCollectionBodyAndReturnsId()
    {
        Server.Respond("POST", Data + "/composite/sobjects", Json(200, new[] { Some.Saved("00T000000000001") }));
        var task = new TaskRequest("001A", "005OWNER", "Re-establish the departed Champion", "Champion left on 2026-05-02", new DateOnly(2026, 6, 1));

        var result = await Server.Connector().CreateTaskAsync(task, CancellationToken.None);

        var request = Body(Server.Calls(Data + "/composite/sobjects", "POST").Single());
        var body = request.GetProperty("records")[0];
        Assert.Multiple(() =>
        {
            Assert.That((result.Fate, result.TaskId), Is.EqualTo((TaskFate.Created, (string?)"00T000000000001")));
            Assert.That(request.GetProperty("allOrNone").GetBoolean(), Is.False);
            Assert.That(body.GetProperty("attributes").GetProperty("type").GetString(), Is.EqualTo("Task"));
            Assert.That(body.GetProperty("WhatId").GetString(), Is.EqualTo("001A"));
            Assert.That(body.GetProperty("OwnerId").GetString(), Is.EqualTo("005OWNER"));
            Assert.That(body.GetProperty("Subject").GetString(), Is.EqualTo("Re-establish the departed Champion"));
            Assert.That(body.GetProperty("Description").GetString(), Is.EqualTo("Champion left on 2026-05-02"));
            Assert.That(body.GetProperty("ActivityDate").GetString(), Is.EqualTo("2026-06-01"));
            Assert.That(body.GetProperty("Status").GetString(), Is.EqualTo("Not Started"));
        });
    }

    [Test]
    public async Task CreateTasks_WholeCallRefused_EveryTaskRefusedWithTheCodeAndMessage()
    {
        Server.Respond("POST", Data + "/composite/sobjects", Error(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
        var task = new TaskRequest("001A", "005NOBODY", "s", "d", new DateOnly(2026, 6, 1));

        var result = await Server.Connector().CreateTaskAsync(task, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That((result.Fate, result.Transient), Is.EqualTo((TaskFate.Refused, false)));
            Assert.That(result.Errors.Single().Code, Is.EqualTo("INVALID_CROSS_REFERENCE_KEY"));
            Assert.That(result.Errors.Single().Message, Does.Contain("invalid cross reference id"));
        });
    }
}
