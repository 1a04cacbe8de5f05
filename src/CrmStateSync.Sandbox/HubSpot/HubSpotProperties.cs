using CrmStateSync.Crm.Mapping;
using CrmStateSync.Sandbox.Salesforce;
using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.HubSpot;

/// <summary>
/// <c>GET /crm/v3/properties/{type}</c>: the mapped properties with HubSpot types (typed from their canonical key as
/// the Salesforce describe is), enumeration options, read-only bookkeeping properties.
/// </summary>
internal sealed class HubSpotProperties(FieldMappingOptions mapping)
{
    private static readonly HashSet<string> SalesforceSystemFields = new(StringComparer.Ordinal) { "Id", "IsDeleted", "SystemModstamp", "LastModifiedById" };
    private static readonly HashSet<string> ReadOnly = new(StringComparer.Ordinal) { "hs_object_id", "hs_lastmodifieddate", "lastmodifieddate", "hs_updated_by_user_id" };

    private readonly SalesforceSchema _typed = new(mapping);

    public SchemaField? Field(string type, string property) => _typed.Fields(type)?.GetValueOrDefault(property);

    public IResult List(string type)
    {
        if (_typed.Fields(type) is not { } fields)
        {
            return HubSpotErrors.Error(404, "OBJECT_NOT_FOUND", $"Unable to infer object type from: {type}");
        }

        return Results.Json(new
        {
            results = fields.Values.Where(f => !SalesforceSystemFields.Contains(f.Name)).Select(f =>
            {
                var (kind, fieldType) = Kind(f.Type);
                return new
                {
                    name = f.Name, label = f.Name, type = kind, fieldType, groupName = "customer_success", calculated = false,
                    options = f.PicklistValues.Select((v, i) => new { label = v, value = v, displayOrder = i, hidden = false }),
                    modificationMetadata = new { readOnlyValue = ReadOnly.Contains(f.Name), archivable = true, readOnlyDefinition = false },
                };
            }),
        });
    }

    public static (string Type, string FieldType) Kind(string salesforceType) => salesforceType switch
    {
        "picklist" => ("enumeration", "select"),
        "boolean" => ("bool", "booleancheckbox"),
        "date" => ("date", "date"),
        "datetime" => ("datetime", "date"),
        "double" => ("number", "number"),
        _ => ("string", "text"),
    };
}
