using System.Text.Json;
using CrmStateSync.Sandbox.Salesforce;
using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.HubSpot;

/// <summary>
/// Property definitions, as the properties API takes them: <c>POST /crm/v3/properties/{type}</c> (create; 409 when it
/// exists), <c>PATCH …/{type}/{name}</c> (options replace the list), <c>GET/POST …/{type}/groups</c>.
/// </summary>
internal sealed class HubSpotPropertyWrites(HubSpotPortal portal)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HubSpotProperties Properties => portal.Properties;

    public async Task<IResult> CreateAsync(HttpContext context, string type)
    {
        var body = await context.Request.ReadFromJsonAsync<PropertyBody>(Json, context.RequestAborted).ConfigureAwait(false);
        var held = HubSpotProperties.Held(body?.Type);
        if (Properties.Schema.Fields(type) is null)
        {
            return HubSpotErrors.Error(404, "OBJECT_NOT_FOUND", $"Unable to infer object type from: {type}");
        }

        if (body is not { Name.Length: > 0, Label.Length: > 0, GroupName.Length: > 0 } || held is null || Invalid(body) is not null)
        {
            return HubSpotErrors.Error(400, "VALIDATION_ERROR", Invalid(body) ?? "name, label, type, fieldType and groupName are required");
        }

        if (!Properties.HasGroup(type, body.GroupName))
        {
            return HubSpotErrors.Error(400, "VALIDATION_ERROR", $"Property group {body.GroupName} does not exist");
        }

        var calculated = body.FieldType == "calculation_equation";
        var field = new SchemaField(body.Name, held, !calculated, false, [.. (body.Options ?? []).Select(o => o.Value ?? "")], null, calculated, body.GroupName);
        return Counted(Properties.Schema.Add(type, field))
            ? Results.Json(HubSpotProperties.Json(field), statusCode: 201)
            : HubSpotErrors.Error(409, "CONFLICT", $"Property named '{body.Name}' already exists.");
    }

    public async Task<IResult> UpdateAsync(HttpContext context, string type, string name)
    {
        var body = await context.Request.ReadFromJsonAsync<PropertyBody>(Json, context.RequestAborted).ConfigureAwait(false);
        if (body?.Options is not { } options)
        {
            return HubSpotErrors.Error(400, "VALIDATION_ERROR", "the sandbox updates options only");
        }

        return Counted(Properties.Schema.Change(type, name, f => f with { PicklistValues = [.. options.Select(o => o.Value ?? "")] }))
            ? Results.Json(HubSpotProperties.Json(Properties.Field(type, name)!))
            : HubSpotErrors.Error(404, "OBJECT_NOT_FOUND", $"Property {name} does not exist");
    }

    public IResult ListGroups(string type) => Properties.Schema.Fields(type) is null
        ? HubSpotErrors.Error(404, "OBJECT_NOT_FOUND", $"Unable to infer object type from: {type}")
        : Results.Json(new { results = Properties.Groups(type).Select((g, i) => new { name = g.Name, label = g.Label, displayOrder = i, archived = false }) });

    public async Task<IResult> CreateGroupAsync(HttpContext context, string type)
    {
        var body = await context.Request.ReadFromJsonAsync<GroupBody>(Json, context.RequestAborted).ConfigureAwait(false);
        if (body is not { Name.Length: > 0, Label.Length: > 0 })
        {
            return HubSpotErrors.Error(400, "VALIDATION_ERROR", "name and label are required");
        }

        return Counted(Properties.AddGroup(type, body.Name, body.Label))
            ? Results.Json(new { name = body.Name, label = body.Label, displayOrder = body.DisplayOrder ?? -1, archived = false }, statusCode: 201)
            : HubSpotErrors.Error(409, "CONFLICT", $"Property group '{body.Name}' already exists.");
    }

    private bool Counted(bool changed)
    {
        if (changed)
        {
            portal.CountPropertyWrite();
        }

        return changed;
    }

    /// <summary>The documented pairs of type and fieldType; an enumeration needs options, a calculation its formula.</summary>
    private static string? Invalid(PropertyBody? body) => body switch
    {
        null => "a body is required",
        { FieldType: "calculation_equation", CalculationFormula: not { Length: > 0 } } => "calculationFormula is required for calculation_equation",
        { FieldType: "calculation_equation" } => null,
        { Type: "enumeration", Options: null or { Count: 0 } } => "options are required for enumeration properties",
        { Type: "enumeration", FieldType: not ("select" or "radio" or "checkbox" or "booleancheckbox") } => $"fieldType {body.FieldType} is not valid for enumeration",
        { Type: "bool", FieldType: not "booleancheckbox" } or { Type: "date" or "datetime", FieldType: not "date" } or { Type: "number", FieldType: not "number" }
            or { Type: "string", FieldType: not ("text" or "textarea") } => $"fieldType {body.FieldType} is not valid for type {body.Type}",
        _ => null,
    };

    private sealed record PropertyBody(string? Name, string? Label, string? Type, string? FieldType, string? GroupName, List<OptionBody>? Options, string? CalculationFormula);

    private sealed record OptionBody(string? Label, string? Value, int? DisplayOrder);

    private sealed record GroupBody(string? Name, string? Label, int? DisplayOrder);
}
