using System.Text.Json;
using CrmStateSync.Sandbox.Data;
using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>
/// <c>PATCH …/composite/sobjects</c>: at most 200 records, 200 OK with one <c>{id, success, errors}</c> per record in
/// request order. A success updates the record, its <c>SystemModstamp</c> and <c>LastModifiedById</c> (the integration user).
/// Every request and applied record is counted (<see cref="SalesforceOrg.Writes"/>); a request may be held (<see cref="WriteHold"/>).
/// </summary>
internal sealed class CompositeEndpoint(SalesforceOrg org, SalesforceSchema schema)
{
    public const int Limit = 200;

    public async Task<IResult> UpdateAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        if (!body.RootElement.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            return SalesforceErrors.Error(400, "JSON_PARSER_ERROR", "The request body needs a records array.");
        }

        if (records.GetArrayLength() > Limit)
        {
            return SalesforceErrors.Error(400, "EXCEEDED_ID_LIMIT", $"record limit reached. cannot submit more than {Limit} records into this call");
        }

        var allOrNone = body.RootElement.TryGetProperty("allOrNone", out var a) && a.ValueKind == JsonValueKind.True;
        var planned = records.EnumerateArray().Select(Plan).ToList();
        org.Writes.CountRequest(planned.Select(p => p.Id));
        var hold = org.TakeHold();
        await WaitAsync(hold, HoldPoint.BeforeApply, context.RequestAborted).ConfigureAwait(false);
        var failed = planned.Any(p => p.Error is not null);
        var now = SandboxRecord.Stamp(org.Options.Clock.GetUtcNow());
        var results = planned.Select(p => p.Error is { } e ? Failure(p.Id, e.Code, e.Message, e.Field)
            : allOrNone && failed ? Failure(p.Id, "ALL_OR_NONE_OPERATION_ROLLED_BACK", "Record rolled back because not all records were valid and the request was using AllOrNone header", null)
            : Apply(p, now)).ToList();
        await WaitAsync(hold, HoldPoint.AfterApply, context.RequestAborted).ConfigureAwait(false);
        return Results.Json(results);
    }

    private Planned Plan(JsonElement record)
    {
        var id = (record.TryGetProperty("id", out var i) || record.TryGetProperty("Id", out i)) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        var type = record.TryGetProperty("attributes", out var attributes) && attributes.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (id is null || type is null || schema.Fields(type) is not { } fields || org.Table(type) is not { } table)
        {
            return new Planned(id, null, [], new PlanError("MALFORMED_ID", $"a record needs an id and attributes.type of a known sObject (type '{type}')", null));
        }

        var current = table.Find(id);
        if (current is null || current.Deleted)
        {
            return new Planned(id, table, [], current is null
                ? new PlanError("INVALID_CROSS_REFERENCE_KEY", $"invalid cross reference id {id}", null)
                : new PlanError("ENTITY_IS_DELETED", "entity is deleted", null));
        }

        var changes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in record.EnumerateObject().Where(p => p.Name is not ("attributes" or "id" or "Id")))
        {
            if (FieldRules.Check(fields, property) is { } problem)
            {
                return new Planned(id, table, [], problem);
            }

            changes[property.Name] = SalesforceFormat.Read(property.Value, fields[property.Name].Type == "date");
        }

        return org.TakeFailure(id) is { } code
            ? new Planned(id, table, [], new PlanError(code, code == "UNABLE_TO_LOCK_ROW" ? "unable to obtain exclusive access to this record" : "Sandbox validation rule refused the record", null))
            : new Planned(id, table, changes, null);
    }

    private static Task WaitAsync(WriteHold? hold, HoldPoint point, CancellationToken requestAborted) =>
        hold is not null && hold.Point == point ? hold.WaitAsync(requestAborted) : Task.CompletedTask;

    private object Apply(Planned planned, DateTimeOffset now)
    {
        var changed = false;
        planned.Table!.Update(planned.Id!, current =>
        {
            changed = planned.Changes.Any(c => !Equals(current.Fields.GetValueOrDefault(c.Key), c.Value));
            var fields = new Dictionary<string, object?>(current.Fields, StringComparer.Ordinal);
            foreach (var (field, value) in planned.Changes)
            {
                fields[field] = value;
            }

            return current with { Fields = fields, ModifiedAt = now > current.ModifiedAt ? now : current.ModifiedAt, ModifiedBy = SalesforceIds.IntegrationUser };
        });
        org.Writes.CountApplied(planned.Id!, changed);
        return new { id = planned.Id, success = true, errors = Array.Empty<object>() };
    }

    private static object Failure(string? id, string statusCode, string message, string? field) =>
        new { id, success = false, errors = new[] { new { statusCode, message, fields = field is null ? Array.Empty<string>() : [field] } } };

    private sealed record Planned(string? Id, SandboxTable? Table, Dictionary<string, object?> Changes, PlanError? Error);
}

/// <summary>Why a record is refused before it is applied.</summary>
internal sealed record PlanError(string Code, string Message, string? Field);

/// <summary>Per-field validation of an update: known, updateable, restricted picklist values, dates.</summary>
internal static class FieldRules
{
    public static PlanError? Check(IReadOnlyDictionary<string, SchemaField> fields, JsonProperty property)
    {
        if (!fields.TryGetValue(property.Name, out var field))
        {
            return new PlanError("INVALID_FIELD", $"No such column '{property.Name}'", property.Name);
        }

        if (!field.Updateable)
        {
            return new PlanError("INVALID_FIELD_FOR_INSERT_UPDATE", $"Unable to create/update fields: {field.Name}", field.Name);
        }

        var value = property.Value;
        if (field.RestrictedPicklist && value.ValueKind == JsonValueKind.String && !field.PicklistValues.Contains(value.GetString()))
        {
            return new PlanError("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", $"bad value for restricted picklist field: {value.GetString()}", field.Name);
        }

        var isDate = field.Type == "date" && value.ValueKind == JsonValueKind.String;
        return isDate && SalesforceFormat.Read(value, true) is not DateOnly
            ? new PlanError("INVALID_TYPE_ON_FIELD_IN_RECORD", $"{field.Name}: value not of required type: {value.GetString()}", field.Name)
            : null;
    }
}
