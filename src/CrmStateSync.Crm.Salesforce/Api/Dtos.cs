using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmStateSync.Crm.Salesforce.Api;

/// <summary>One page of a query: <c>{totalSize, done, nextRecordsUrl?, records}</c>. Unknown members are ignored.</summary>
internal sealed record QueryPage(int TotalSize, bool Done, string? NextRecordsUrl, IReadOnlyList<Dictionary<string, JsonElement>>? Records);

/// <summary>The body of <c>PATCH composite/sobjects</c>: each record is <c>{attributes:{type}, id, field: value…}</c>.</summary>
internal sealed record CompositeUpdate(bool AllOrNone, IReadOnlyList<Dictionary<string, object?>> Records);

/// <summary>One record's outcome: <c>{id, success, errors:[{statusCode, message, fields}]}</c>.</summary>
internal sealed record SaveResult(string? Id, bool Success, IReadOnlyList<SaveError>? Errors);

internal sealed record SaveError(string? StatusCode, string? Message, IReadOnlyList<string>? Fields);

/// <summary>An error body element: <c>[{message, errorCode, fields?}]</c>.</summary>
internal sealed record ApiError(string? Message, string? ErrorCode, IReadOnlyList<string>? Fields);

internal sealed record DescribeResult(string Name, IReadOnlyList<DescribeField>? Fields);

internal sealed record DescribeField(
    string Name,
    string Type,
    bool Updateable,
    bool Calculated,
    IReadOnlyList<DescribePicklistValue>? PicklistValues);

internal sealed record DescribePicklistValue(string Value, string? Label, bool Active);

/// <summary>The body of <c>POST composite/sobjects</c>: <c>{allOrNone, records:[{attributes:{type}, field: value…}]}</c>.</summary>
internal sealed record CompositeCreate(bool AllOrNone, IReadOnlyList<TaskBody> Records);

/// <summary>A record's <c>attributes</c>: its sObject type.</summary>
internal sealed record SObjectAttributes([property: JsonPropertyName("type")] string Type);

/// <summary>A Task as created for an intervention; Salesforce field names are PascalCase.</summary>
internal sealed record TaskBody(
    [property: JsonPropertyName("attributes")] SObjectAttributes Attributes,
    [property: JsonPropertyName("WhatId")] string WhatId,
    [property: JsonPropertyName("OwnerId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OwnerId,
    [property: JsonPropertyName("Subject")] string Subject,
    [property: JsonPropertyName("Description")] string Description,
    [property: JsonPropertyName("ActivityDate")] string ActivityDate,
    [property: JsonPropertyName("Status")] string Status);

/// <summary>The token endpoint's answer; a failure is <c>{error, error_description}</c>.</summary>
internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("instance_url")] string? InstanceUrl,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);

internal static class SalesforceJson
{
    /// <summary>camelCase members, case-insensitive reads, nulls written (null clears a field).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
