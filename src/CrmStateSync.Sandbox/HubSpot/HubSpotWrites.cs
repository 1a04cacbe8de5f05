using System.Globalization;
using System.Text.Json;
using CrmStateSync.Sandbox.Data;
using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.HubSpot;

/// <summary>
/// Batch update (at most 100; 200 COMPLETE, or 207 with <c>errors[].context.ids</c> and <c>numErrors</c>; an empty
/// string clears). Updates restamp the record as the integration user; a record armed with
/// <see cref="HubSpotPortal.FailWrites"/> is refused with the chosen category (a validation error, or a CONFLICT to retry).
/// </summary>
internal sealed class HubSpotWrites(HubSpotPortal portal, HubSpotProperties schema)
{
    public async Task<IResult> BatchUpdateAsync(HttpContext context, string type)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var inputs = body.RootElement.TryGetProperty("inputs", out var i) && i.ValueKind == JsonValueKind.Array ? i.EnumerateArray().ToList() : [];
        if (portal.Table(type) is not { } table || inputs.Count > 100)
        {
            return HubSpotErrors.Error(400, "VALIDATION_ERROR", $"batch update takes at most 100 inputs of a known object type ({type}, {inputs.Count})");
        }

        var now = SandboxRecord.Stamp(portal.Options.Clock.GetUtcNow());
        var results = new List<object>();
        var errors = new List<object>();
        foreach (var input in inputs)
        {
            var id = input.TryGetProperty("id", out var idValue) ? idValue.ToString() : "";
            var changes = input.TryGetProperty("properties", out var p) ? p.EnumerateObject().ToList() : [];
            if (Refusal(table, type, id, changes) is { } refusal)
            {
                errors.Add(new { status = "error", category = refusal.Category, message = refusal.Message, context = new Dictionary<string, string[]> { ["ids"] = [id] } });
                continue;
            }

            var updated = table.Update(id, r => Apply(r, changes, now))!;
            results.Add(new { id, properties = changes.ToDictionary(c => c.Name, c => HubSpotFormat.Property(updated, c.Name, "")), updatedAt = HubSpotFormat.Instant(now), archived = false });
        }

        return errors.Count == 0
            ? Results.Json(new { status = "COMPLETE", results, startedAt = HubSpotFormat.Instant(now), completedAt = HubSpotFormat.Instant(now) })
            : Results.Json(new { status = "COMPLETE", results, numErrors = errors.Count, errors }, statusCode: 207);
    }

    private (string Category, string Message)? Refusal(SandboxTable table, string type, string id, List<JsonProperty> changes)
    {
        if (table.Find(id) is not { Deleted: false })
        {
            return ("OBJECT_NOT_FOUND", $"Object {id} of type {type} was not found");
        }

        if (portal.TakeFailure(id) is { } category)
        {
            return (category, category == "CONFLICT"
                ? $"Record {id} is being updated by another process (a concurrent update holds it); retry later"
                : $"Sandbox validation rule refused record {id}");
        }

        foreach (var change in changes)
        {
            var value = change.Value.ToString();
            switch (schema.Field(type, change.Name))
            {
                case null:
                    return ("VALIDATION_ERROR", $"Property \"{change.Name}\" does not exist");
                case { Calculated: true }:
                    return ("VALIDATION_ERROR", $"Property \"{change.Name}\" is a calculated property; its value cannot be set");
                case { Type: "date" } when value.Length > 0 && !IsDate(value):
                    return ("VALIDATION_ERROR", $"INVALID_DATE: {value} is not a valid date for {change.Name}; use YYYY-MM-DD or midnight UTC epoch ms");
                case { RestrictedPicklist: true } field when value.Length > 0 && !field.PicklistValues.Contains(value):
                    return ("VALIDATION_ERROR", $"INVALID_OPTION: {value} was not one of the allowed options for {change.Name}");
                default:
                    break;
            }
        }

        return null;
    }

    private static SandboxRecord Apply(SandboxRecord current, List<JsonProperty> changes, DateTimeOffset now)
    {
        var fields = new Dictionary<string, object?>(current.Fields, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            var value = change.Value.ToString();
            fields[change.Name] = value.Length == 0 ? null : value;
        }

        return current with { Fields = fields, ModifiedAt = now > current.ModifiedAt ? now : current.ModifiedAt, ModifiedBy = HubSpotPortal.IntegrationUser };
    }

    private static bool IsDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms % 86_400_000 == 0);
}
