using CrmStateSync.Crm.Http;
using Refit;

namespace CrmStateSync.Crm.HubSpot.Api;

/// <summary>
/// HubSpot's CRM API. Paths arrive whole (prefix from <see cref="HubSpotOptions"/> and object type, no leading slash)
/// so the version prefix lives in configuration only.
/// </summary>
internal interface IHubSpotApi
{
    [Post("/{**objectPath}/search")]
    Task<ObjectPage> SearchObjectsAsync(string objectPath, [Body] SearchRequest request, CancellationToken cancellationToken);

    [Get("/{**objectPath}")]
    Task<ObjectPage> ListObjectsAsync(string objectPath, int limit, string? after, string properties, string archived, CancellationToken cancellationToken);

    [Post("/{**objectPath}/batch/read")]
    Task<ObjectPage> ReadObjectsAsync(string objectPath, [Body] BatchReadRequest request, CancellationToken cancellationToken);

    [Post("/{**objectPath}/batch/update")]
    Task<IApiResponse<BatchResponse>> UpdateObjectsAsync(string objectPath, [Body] BatchUpdateRequest request, CancellationToken cancellationToken);

    [Post("/{**associationPath}/batch/read")]
    Task<AssociationPage> ReadAssociationsAsync(string associationPath, [Body] BatchIdsRequest request, CancellationToken cancellationToken);

    [Get("/{**propertiesPath}")]
    Task<PropertyList> GetPropertiesAsync(string propertiesPath, CancellationToken cancellationToken);

    [Post("/{**propertiesPath}")]
    Task<PropertyDto> CreatePropertyAsync(string propertiesPath, [Body] CreatePropertyRequest request, CancellationToken cancellationToken);

    [Patch("/{**propertyPath}")]
    Task<PropertyDto> UpdatePropertyAsync(string propertyPath, [Body] UpdatePropertyOptionsRequest request, CancellationToken cancellationToken);

    [Get("/{**groupsPath}")]
    Task<PropertyGroupList> GetPropertyGroupsAsync(string groupsPath, CancellationToken cancellationToken);

    [Post("/{**groupsPath}")]
    Task<PropertyGroupDto> CreatePropertyGroupAsync(string groupsPath, [Body] CreateGroupRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Batch create, at most 100 inputs: 201 with <c>results</c>, or 207 with <c>errors[]</c>. Not idempotent: the
    /// pipeline does not resend it after a lost answer (<see cref="NonIdempotent"/>).
    /// </summary>
    [Post("/{**objectPath}/batch/create")]
    Task<IApiResponse<BatchResponse>> CreateObjectsAsync(string objectPath, [Body] BatchCreateRequest request, [Property(NonIdempotent.PropertyKey)] bool nonIdempotent, CancellationToken cancellationToken);
}
