using System.Collections.Concurrent;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Sandbox.Salesforce;
using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.HubSpot;

/// <summary>
/// <c>GET /crm/v3/properties/{type}</c>: the mapped properties with HubSpot types (typed from their canonical key as
/// the Salesforce describe is), enumeration options, read-only bookkeeping properties, calculated properties; and the
/// property groups of each type (<c>customer_success</c> to start with).
/// </summary>
internal sealed class HubSpotProperties
{
    public const string DefaultGroup = "customer_success";

    private static readonly HashSet<string> SalesforceSystemFields = new(StringComparer.Ordinal) { "Id", "IsDeleted", "SystemModstamp", "LastModifiedById" };
    private static readonly HashSet<string> ReadOnly = new(StringComparer.Ordinal) { "hs_object_id", "hs_lastmodifieddate", "lastmodifieddate", "hs_updated_by_user_id" };

    private readonly ConcurrentDictionary<(string Type, string Name), string> _groups = new();

    public HubSpotProperties(FieldMappingOptions mapping)
    {
        Schema = new SalesforceSchema(mapping);
        foreach (var type in mapping.Objects.Values)
        {
            _groups[(type, DefaultGroup)] = "Customer success";
        }
    }

    /// <summary>The properties, held with Salesforce-style types (see <see cref="Kind"/> for the HubSpot ones).</summary>
    public SalesforceSchema Schema { get; }

    public SchemaField? Field(string type, string property) => Schema.Fields(type)?.GetValueOrDefault(property);

    public bool HasGroup(string type, string name) => _groups.ContainsKey((type, name));

    /// <summary>Adds a group; false when the type already has one of that name.</summary>
    public bool AddGroup(string type, string name, string label) => _groups.TryAdd((type, name), label);

    public IEnumerable<(string Name, string Label)> Groups(string type) => _groups.Where(g => g.Key.Type == type).Select(g => (g.Key.Name, g.Value)).OrderBy(g => g.Name, StringComparer.Ordinal);

    public IResult List(string type) => Schema.Fields(type) is not { } fields
        ? HubSpotErrors.Error(404, "OBJECT_NOT_FOUND", $"Unable to infer object type from: {type}")
        : Results.Json(new { results = fields.Values.Where(f => !SalesforceSystemFields.Contains(f.Name)).Select(Json) });

    public static object Json(SchemaField f)
    {
        var (kind, fieldType) = Kind(f.Type);
        return new
        {
            name = f.Name, label = f.Name, type = kind, fieldType = f.Calculated ? "calculation_equation" : fieldType, groupName = f.Group ?? DefaultGroup, calculated = f.Calculated,
            options = f.PicklistValues.Select((v, i) => new { label = v, value = v, displayOrder = i, hidden = false }),
            modificationMetadata = new { readOnlyValue = ReadOnly.Contains(f.Name) || f.Calculated, archivable = true, readOnlyDefinition = false },
        };
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

    /// <summary>A HubSpot property type as the Salesforce-style type it is held with; null when HubSpot has no such type.</summary>
    public static string? Held(string? hubSpotType) => hubSpotType switch
    {
        "enumeration" => "picklist",
        "bool" => "boolean",
        "date" => "date",
        "datetime" => "datetime",
        "number" => "double",
        "string" => "string",
        _ => null,
    };
}
