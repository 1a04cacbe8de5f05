using System.Text.Json;

namespace CrmStateSync.Crm.HubSpot.Api;

// Every field is optional: HubSpot adds fields freely and omits empty ones.

internal sealed record SearchRequest(IReadOnlyList<FilterGroup> FilterGroups, IReadOnlyList<SearchSort> Sorts, IReadOnlyList<string> Properties, int Limit, string? After);

internal sealed record FilterGroup(IReadOnlyList<SearchFilter> Filters);

internal sealed record SearchFilter(string PropertyName, string Operator, string Value);

internal sealed record SearchSort(string PropertyName, string Direction);

/// <summary>A page of the list or search endpoint.</summary>
internal sealed class ObjectPage
{
    public long? Total { get; set; }

    public List<HubSpotObject>? Results { get; set; }

    public Paging? Paging { get; set; }

    public string? NextAfter => Paging?.Next?.After;
}

internal sealed class Paging
{
    public PagingNext? Next { get; set; }
}

internal sealed class PagingNext
{
    public string? After { get; set; }
}

internal sealed class HubSpotObject
{
    public string? Id { get; set; }

    /// <summary>Values are strings or null; anything else is kept as its JSON text.</summary>
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public string? UpdatedAt { get; set; }

    public string? ArchivedAt { get; set; }

    public bool? Archived { get; set; }

    /// <summary>The trace id its create input carried (batch create results).</summary>
    public string? ObjectWriteTraceId { get; set; }
}

internal sealed record BatchIdsRequest(IReadOnlyList<IdInput> Inputs);

/// <summary><c>{id}</c>; an association read also takes <c>after</c>, the paging token of that id's previous page.</summary>
internal sealed record IdInput(string Id, string? After = null);

/// <summary><c>POST …/batch/read</c>: at most 100 ids and the properties to return.</summary>
internal sealed record BatchReadRequest(IReadOnlyList<IdInput> Inputs, IReadOnlyList<string> Properties);

internal sealed class AssociationPage
{
    public List<AssociationResult>? Results { get; set; }
}

internal sealed class AssociationResult
{
    public IdInputDto? From { get; set; }

    public List<AssociationTarget>? To { get; set; }

    /// <summary>Present only when this id has more associations than the page held.</summary>
    public Paging? Paging { get; set; }
}

internal sealed class IdInputDto
{
    public string? Id { get; set; }
}

internal sealed class AssociationTarget
{
    public JsonElement ToObjectId { get; set; }

    /// <summary>The associated object's id, whether HubSpot sent it as a number or a string.</summary>
    public string? Id => ToObjectId.ValueKind switch
    {
        JsonValueKind.String => ToObjectId.GetString(),
        JsonValueKind.Number => ToObjectId.GetRawText(),
        _ => null,
    };
}

/// <summary>One input of <c>POST …/batch/create</c>; <c>objectWriteTraceId</c> comes back on its result (and error) to match them up.</summary>
internal sealed record CreateObjectRequest(IReadOnlyDictionary<string, string> Properties, IReadOnlyList<AssociationInput> Associations, string? ObjectWriteTraceId = null);

/// <summary><c>POST …/batch/create</c>: at most 100 inputs.</summary>
internal sealed record BatchCreateRequest(IReadOnlyList<CreateObjectRequest> Inputs);

internal sealed record AssociationInput(IdInput To, IReadOnlyList<AssociationTypeInput> Types);

internal sealed record AssociationTypeInput(string AssociationCategory, int AssociationTypeId);

