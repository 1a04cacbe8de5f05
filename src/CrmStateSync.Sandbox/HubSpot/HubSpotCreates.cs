using System.Text.Json;
using CrmStateSync.Sandbox.Data;
using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.HubSpot;

/// <summary>
/// Object creation (tasks, associated to a company): one (<c>POST …/{type}</c>, 201), or a batch of at most 100
/// (<c>POST …/{type}/batch/create</c>: 201 COMPLETE, or 207 with <c>errors[].context.objectWriteTraceId</c> naming the
/// refused inputs — an association to a company that does not exist). Each result carries its input's
/// <c>objectWriteTraceId</c>. An armed <see cref="HubSpotPortal.TaskAnswerDrops"/> resets the connection after the records landed.
/// </summary>
internal sealed class HubSpotCreates(HubSpotPortal portal)
{
    public const int Limit = 100;

    public async Task<IResult> CreateAsync(HttpContext context, string type)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        if (portal.Table(type) is not { } table)
        {
            return HubSpotErrors.Error(404, "OBJECT_NOT_FOUND", $"Unable to infer object type from: {type}");
        }

        var (created, error) = Create(table, type, body.RootElement);
        return error is null ? Answer(context, Results.Json(created, statusCode: 201)) : Results.Json(error, statusCode: 400);
    }

    public async Task<IResult> BatchCreateAsync(HttpContext context, string type)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var inputs = body.RootElement.TryGetProperty("inputs", out var i) && i.ValueKind == JsonValueKind.Array ? i.EnumerateArray().ToList() : [];
        if (portal.Table(type) is not { } table || inputs.Count > Limit)
        {
            return HubSpotErrors.Error(400, "VALIDATION_ERROR", $"batch create takes at most {Limit} inputs of a known object type ({type}, {inputs.Count})");
        }

        var now = HubSpotFormat.Instant(portal.Options.Clock.GetUtcNow());
        var outcomes = inputs.Select(input => Create(table, type, input)).ToList();
        var results = outcomes.Where(o => o.Error is null).Select(o => o.Created).ToList();
        var errors = outcomes.Select(o => o.Error).OfType<object>().ToList();
        return Answer(context, errors.Count == 0
            ? Results.Json(new { status = "COMPLETE", results, startedAt = now, completedAt = now }, statusCode: 201)
            : Results.Json(new { status = "COMPLETE", results, numErrors = errors.Count, errors, startedAt = now, completedAt = now }, statusCode: 207));
    }

    /// <summary>The answer, unless it is to be dropped: then the connection is reset after the work is done.</summary>
    private IResult Answer(HttpContext context, IResult answer)
    {
        if (!portal.TaskAnswerDrops.Take())
        {
            return answer;
        }

        context.Abort();
        return Results.Empty;
    }

    private (object? Created, object? Error) Create(SandboxTable table, string type, JsonElement input)
    {
        var trace = input.TryGetProperty("objectWriteTraceId", out var t) ? t.ToString() : null;
        var companies = input.TryGetProperty("associations", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => x.GetProperty("to").GetProperty("id").ToString()).ToList()
            : [];
        if (companies.FirstOrDefault(c => portal.TableOf("Account").Find(c) is not { Deleted: false }) is { } missing)
        {
            return (null, new
            {
                status = "error", category = "VALIDATION_ERROR", message = $"The association target companies {missing} does not exist",
                context = new Dictionary<string, string[]> { ["objectWriteTraceId"] = trace is null ? [] : [trace] },
            });
        }

        var properties = input.TryGetProperty("properties", out var p) ? p.EnumerateObject().ToDictionary(x => x.Name, x => (object?)x.Value.ToString(), StringComparer.Ordinal) : [];
        var id = portal.NextId();
        var now = SandboxRecord.Stamp(portal.Options.Clock.GetUtcNow());
        table.Put(new SandboxRecord(id, now, HubSpotPortal.IntegrationUser, false, properties));
        companies.ForEach(company => portal.Associate(type, id, company));
        return (new { id, properties, createdAt = HubSpotFormat.Instant(now), updatedAt = HubSpotFormat.Instant(now), archived = false, objectWriteTraceId = trace }, null);
    }
}
