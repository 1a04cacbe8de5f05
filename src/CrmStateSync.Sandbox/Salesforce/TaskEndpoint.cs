using System.Text.Json;
using CrmStateSync.Sandbox.Data;
using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary><c>POST …/sobjects/Task</c>: 201 <c>{id, success, errors}</c>; the <c>WhatId</c> must be an account.</summary>
internal static class TaskEndpoint
{
    public static async Task<IResult> CreateAsync(HttpContext context, SalesforceOrg org, SalesforceSchema schema, string sobject)
    {
        var taskObject = org.Mapping.Objects["Task"];
        if (!string.Equals(sobject, taskObject, StringComparison.OrdinalIgnoreCase) || schema.Fields(taskObject) is not { } fields)
        {
            return SalesforceErrors.Error(404, "NOT_FOUND", $"The sandbox creates {taskObject} records only, not {sobject}");
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in body.RootElement.EnumerateObject())
        {
            if (FieldRules.Check(fields, property) is { } problem)
            {
                return SalesforceErrors.Error(400, problem.Code, problem.Message, problem.Field ?? property.Name);
            }

            values[property.Name] = SalesforceFormat.Read(property.Value, fields[property.Name].Type == "date");
        }

        if (values.GetValueOrDefault("WhatId") is not string whatId || org.TableOf("Account").Find(whatId) is not { Deleted: false })
        {
            return SalesforceErrors.Error(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", "WhatId");
        }

        var id = org.Ids.Next(taskObject);
        org.TableOf("Task").Put(new SandboxRecord(id, SandboxRecord.Stamp(org.Options.Clock.GetUtcNow()), SalesforceIds.IntegrationUser, false, values));
        return Results.Json(new { id, success = true, errors = Array.Empty<object>() }, statusCode: 201);
    }
}
