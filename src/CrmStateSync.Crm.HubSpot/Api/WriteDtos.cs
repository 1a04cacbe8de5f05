using System.Text.Json;

namespace CrmStateSync.Crm.HubSpot.Api;

internal sealed record BatchUpdateRequest(IReadOnlyList<UpdateInput> Inputs);

internal sealed record UpdateInput(string Id, IReadOnlyDictionary<string, string> Properties);

/// <summary>200 <c>{status:"COMPLETE", results}</c> or 207 with <c>errors[]</c> and <c>numErrors</c>.</summary>
internal sealed class BatchResponse
{
    public string? Status { get; set; }

    public List<HubSpotObject>? Results { get; set; }

    public List<HubSpotError>? Errors { get; set; }

    public int? NumErrors { get; set; }
}

/// <summary>HubSpot's error shape, top level or per record: <c>{status, category, message, context, errors}</c>.</summary>
internal sealed class HubSpotError
{
    public string? Status { get; set; }

    public string? Category { get; set; }

    public string? Message { get; set; }

    public string? PolicyName { get; set; }

    /// <summary>E.g. <c>{ids:["1"]}</c> or <c>{propertyName:["x"]}</c>; values are usually string arrays.</summary>
    public Dictionary<string, JsonElement>? Context { get; set; }

    public List<HubSpotError>? Errors { get; set; }
}

internal sealed class PropertyList
{
    public List<PropertyDto>? Results { get; set; }
}

internal sealed class PropertyDto
{
    public string? Name { get; set; }

    public string? Type { get; set; }

    public string? FieldType { get; set; }

    public bool? Calculated { get; set; }

    public string? ReferencedObjectType { get; set; }

    public List<PropertyOptionDto>? Options { get; set; }

    public ModificationMetadata? ModificationMetadata { get; set; }
}

internal sealed class PropertyOptionDto
{
    public string? Label { get; set; }

    public string? Value { get; set; }

    public bool? Hidden { get; set; }
}

internal sealed class ModificationMetadata
{
    public bool? ReadOnlyValue { get; set; }
}

internal sealed class PropertyGroupList
{
    public List<PropertyGroupDto>? Results { get; set; }
}

internal sealed class PropertyGroupDto
{
    public string? Name { get; set; }

    public string? Label { get; set; }
}

/// <summary><c>POST /crm/v3/properties/{type}/groups</c>.</summary>
internal sealed record CreateGroupRequest(string Name, string Label, int DisplayOrder);

/// <summary><c>POST /crm/v3/properties/{type}</c>: <c>type</c> and a matching <c>fieldType</c>, options for enumerations.</summary>
internal sealed record CreatePropertyRequest(string Name, string Label, string Type, string FieldType, string GroupName, IReadOnlyList<PropertyOptionInput>? Options, string? Description);

internal sealed record PropertyOptionInput(string Label, string Value, int DisplayOrder, bool Hidden = false);

/// <summary><c>PATCH /crm/v3/properties/{type}/{name}</c>: the options given replace the whole list.</summary>
internal sealed record UpdatePropertyOptionsRequest(IReadOnlyList<PropertyOptionInput> Options);
