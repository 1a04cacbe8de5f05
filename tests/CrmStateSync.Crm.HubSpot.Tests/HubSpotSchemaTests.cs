namespace CrmStateSync.Crm.HubSpot.Tests;

public sealed class HubSpotSchemaTests : HubSpotHarnessTests
{
    [Test]
    public async Task Describe_Properties_TypesOptionsReadOnlyAndCalculatedMapped()
    {
        JsonNode[] properties =
        [
            new JsonObject
            {
                ["name"] = "cs_lifecycle_stage", ["type"] = "enumeration", ["fieldType"] = "select", ["modificationMetadata"] = new JsonObject { ["readOnlyValue"] = false },
                ["options"] = new JsonArray(new JsonObject { ["label"] = "At-Risk", ["value"] = "at_risk", ["hidden"] = false }, new JsonObject { ["label"] = "Old", ["value"] = "old", ["hidden"] = true }),
            },
            new JsonObject { ["name"] = "cs_adopting_entry_date", ["type"] = "date", ["fieldType"] = "date" },
            new JsonObject { ["name"] = "cs_milestone_stalled", ["type"] = "bool", ["fieldType"] = "booleancheckbox" },
            new JsonObject { ["name"] = "cs_days_in_current_stage", ["type"] = "number", ["fieldType"] = "calculation_equation", ["calculated"] = true },
            new JsonObject { ["name"] = "hs_lastmodifieddate", ["type"] = "datetime", ["fieldType"] = "date", ["modificationMetadata"] = new JsonObject { ["readOnlyValue"] = true } },
            new JsonObject { ["name"] = "hubspot_owner_id", ["type"] = "enumeration", ["fieldType"] = "select", ["referencedObjectType"] = "OWNER" },
            new JsonObject { ["name"] = "cs_divergence", ["type"] = "string", ["fieldType"] = "text", ["unexpected"] = new JsonObject() },
        ];
        Some.Json(Hs.Server, Request.Create().WithPath("/crm/v3/properties/companies").UsingGet(), 200, new JsonObject { ["results"] = new JsonArray(properties) });

        var description = await Hs.Connector().DescribeAsync(CrmObject.Account, default);

        Assert.That((description.Kind, description.Name), Is.EqualTo((CrmObject.Account, "companies")));
        Assert.That(description.Fields.Select(f => (f.Name, f.Type, f.Updateable, f.Calculated)), Is.EqualTo(new[]
        {
            ("cs_lifecycle_stage", CrmFieldType.Picklist, true, false),
            ("cs_adopting_entry_date", CrmFieldType.Date, true, false),
            ("cs_milestone_stalled", CrmFieldType.Boolean, true, false),
            ("cs_days_in_current_stage", CrmFieldType.Number, false, true),
            ("hs_lastmodifieddate", CrmFieldType.DateTime, false, false),
            ("hubspot_owner_id", CrmFieldType.Reference, true, false),
            ("cs_divergence", CrmFieldType.Text, true, false),
        }));
        Assert.That(description.Fields[0].Options, Is.EqualTo(new[] { new PicklistOption("at_risk", "At-Risk"), new PicklistOption("old", "Old", false) }));
    }

    [Test]
    public async Task CreateTasks_Request_PostsBatchCreateWithTaskPropertiesAndCompanyAssociation192()
    {
        Some.Json(Hs.Server, Request.Create().WithPath("/crm/v3/objects/tasks/batch/create").UsingPost(), 201, new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray(new JsonObject { ["id"] = "555", ["objectWriteTraceId"] = "0", ["properties"] = new JsonObject() }) });

        var result = await Hs.Connector().CreateTaskAsync(new TaskRequest("77", "owner-9", "Re-establish the departed Champion", "The champion left on 2026-05-01", new DateOnly(2026, 6, 1)), default);

        Assert.That((result.Fate, result.TaskId), Is.EqualTo((TaskFate.Created, (string?)"555")));
        var body = HubSpotHarness.Body(Hs.Calls("POST", "/crm/v3/objects/tasks/batch/create").Single()).GetProperty("inputs")[0];
        Assert.That(body.GetProperty("objectWriteTraceId").GetString(), Is.EqualTo("0"));
        var p = body.GetProperty("properties");
        Assert.That((p.GetProperty("hs_task_subject").GetString(), p.GetProperty("hs_task_body").GetString(), p.GetProperty("hs_task_status").GetString(), p.GetProperty("hubspot_owner_id").GetString()),
            Is.EqualTo(("Re-establish the departed Champion", "The champion left on 2026-05-01", "NOT_STARTED", "owner-9")));
        Assert.That(p.GetProperty("hs_timestamp").GetString(), Is.EqualTo(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var association = body.GetProperty("associations")[0];
        Assert.That(association.GetProperty("to").GetProperty("id").GetString(), Is.EqualTo("77"));
        Assert.That((association.GetProperty("types")[0].GetProperty("associationCategory").GetString(), association.GetProperty("types")[0].GetProperty("associationTypeId").GetInt32()),
            Is.EqualTo(("HUBSPOT_DEFINED", 192)));
    }
}
