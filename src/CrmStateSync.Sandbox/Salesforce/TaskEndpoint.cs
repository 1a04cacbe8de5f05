using System.Text.Json;
using CrmStateSync.Sandbox.Data;
using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>
/// Task creation: <c>POST …/sobjects/Task</c> (201 <c>{id, success, errors}</c>) and sObject Collections create
/// <c>POST …/composite/sobjects</c> (at most 200 records, <c>allOrNone: false</c>: 200 with one result per record in
/// request order). The <c>WhatId</c> must be an account. An armed <see cref="SalesforceOrg.TaskAnswerDrops"/> resets the
/// connection after the tasks landed; a <see cref="SalesforceOrg.HoldNextTaskCreate"/> pauses a collections create
/// before or after the tasks land.
/// </summary>
internal sealed class TaskEndpoint(SalesforceOrg org, SalesforceSchema schema)
{
    public const int Limit = 200;

    private string TaskObject => org.Mapping.Objects["Task"];

    public async Task<IResult> CreateAsync(HttpContext context, string sobject)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        if (!string.Equals(sobject, TaskObject, StringComparison.OrdinalIgnoreCase))
        {
            return SalesforceErrors.Error(404, "NOT_FOUND", $"The sandbox creates {TaskObject} records only, not {sobject}");
        }

        var (id, error) = Create(body.RootElement);
        return error is { } e
            ? SalesforceErrors.Error(400, e.Code, e.Message, e.Field ?? "")
            : Answer(context, Results.Json(new { id, success = true, errors = Array.Empty<object>() }, statusCode: 201));
    }

    public async Task<IResult> CreateManyAsync(HttpContext context)
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

        var hold = org.TakeTaskHold();
        await WaitAsync(hold, HoldPoint.BeforeApply, context.RequestAborted).ConfigureAwait(false);
        var results = records.EnumerateArray().Select(Create).Select(Result).ToList();
        await WaitAsync(hold, HoldPoint.AfterApply, context.RequestAborted).ConfigureAwait(false);
        return Answer(context, Results.Json(results));
    }

    private static Task WaitAsync(WriteHold? hold, HoldPoint point, CancellationToken requestAborted) =>
        hold is not null && hold.Point == point ? hold.WaitAsync(requestAborted) : Task.CompletedTask;

    private static object Result((string? Id, PlanError? Error) created) => created.Error is { } e
        ? new { id = (string?)null, success = false, errors = new[] { new { statusCode = e.Code, message = e.Message, fields = e.Field is null ? Array.Empty<string>() : [e.Field] } } }
        : new { id = created.Id, success = true, errors = Array.Empty<object>() };

    /// <summary>The answer, unless it is to be dropped: then the connection is reset after the work is done.</summary>
    private IResult Answer(HttpContext context, IResult answer)
    {
        if (!org.TaskAnswerDrops.Take())
        {
            return answer;
        }

        context.Abort();
        return Results.Empty;
    }

    private (string? Id, PlanError? Error) Create(JsonElement record)
    {
        if (schema.Fields(TaskObject) is not { } fields)
        {
            return (null, new PlanError("NOT_FOUND", $"The sandbox org has no {TaskObject} object", null));
        }

        if (record.TryGetProperty("attributes", out var attributes) && attributes.TryGetProperty("type", out var type)
            && !string.Equals(type.GetString(), TaskObject, StringComparison.OrdinalIgnoreCase))
        {
            return (null, new PlanError("INVALID_TYPE", $"The sandbox creates {TaskObject} records only, not {type.GetString()}", null));
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in record.EnumerateObject().Where(p => p.Name != "attributes"))
        {
            if (FieldRules.Check(fields, property) is { } problem)
            {
                return (null, problem);
            }

            values[property.Name] = SalesforceFormat.Read(property.Value, fields[property.Name].Type == "date");
        }

        if (values.GetValueOrDefault("WhatId") is not string whatId || org.TableOf("Account").Find(whatId) is not { Deleted: false })
        {
            return (null, new PlanError("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", "WhatId"));
        }

        var id = org.Ids.Next(TaskObject);
        org.TableOf("Task").Put(new SandboxRecord(id, SandboxRecord.Stamp(org.Options.Clock.GetUtcNow()), SalesforceIds.IntegrationUser, false, values));
        return (id, null);
    }
}
