using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.HubSpot.Http;

namespace CrmStateSync.Crm.HubSpot;

/// <summary>Properties of an object type as the schema check compares them.</summary>
internal sealed class HubSpotSchema(IHubSpotApi api, HubSpotPaths paths, HubSpotOptions options)
{
    public async Task<CrmObjectDescription> DescribeAsync(CrmObject kind, CancellationToken cancellationToken)
    {
        var type = options.Mapping.Objects[kind.ToString()];
        var list = await HubSpotCalls.SendAsync($"describe {type}", () => api.GetPropertiesAsync(paths.Properties(type), cancellationToken)).ConfigureAwait(false);
        var fields = (list.Results ?? []).Where(p => p.Name is not null).Select(Field).ToList();
        return new CrmObjectDescription(kind, type, fields);
    }

    private static CrmFieldDescription Field(PropertyDto p)
    {
        var calculated = p.Calculated == true || (p.FieldType?.StartsWith("calculation", StringComparison.Ordinal) ?? false);
        var options = (p.Options ?? []).Where(o => o.Value is not null).Select(o => new PicklistOption(o.Value!, o.Label ?? o.Value!, o.Hidden != true)).ToList();
        return new CrmFieldDescription(p.Name!, Type(p), p.ModificationMetadata?.ReadOnlyValue != true && !calculated, options, calculated);
    }

    private static CrmFieldType Type(PropertyDto p) => p.Type switch
    {
        _ when p.ReferencedObjectType is { Length: > 0 } => CrmFieldType.Reference,
        "bool" => CrmFieldType.Boolean,
        "enumeration" when p.FieldType == "booleancheckbox" => CrmFieldType.Boolean,
        "enumeration" => CrmFieldType.Picklist,
        "date" => CrmFieldType.Date,
        "datetime" => CrmFieldType.DateTime,
        "number" => CrmFieldType.Number,
        "string" or "phone_number" => CrmFieldType.Text,
        _ => CrmFieldType.Other,
    };
}
