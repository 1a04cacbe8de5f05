using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.HubSpot.Http;

namespace CrmStateSync.Crm.HubSpot;

/// <summary>Properties of an object type as the schema check compares them, and intervention tasks.</summary>
internal sealed class HubSpotSchema(IHubSpotApi api, HubSpotPaths paths, HubSpotOptions options)
{
    /// <summary>HubSpot's built-in task → company association type.</summary>
    public const int TaskToCompanyTypeId = 192;

    public async Task<CrmObjectDescription> DescribeAsync(CrmObject kind, CancellationToken cancellationToken)
    {
        var type = options.Mapping.Objects[kind.ToString()];
        var list = await HubSpotCalls.SendAsync($"describe {type}", () => api.GetPropertiesAsync(paths.Properties(type), cancellationToken)).ConfigureAwait(false);
        var fields = (list.Results ?? []).Where(p => p.Name is not null).Select(Field).ToList();
        return new CrmObjectDescription(kind, type, fields);
    }

    public async Task<string> CreateTaskAsync(TaskRequest task, CancellationToken cancellationToken)
    {
        var due = new DateTimeOffset(task.Due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["hs_task_subject"] = task.Subject,
            ["hs_task_body"] = task.Description,
            ["hs_timestamp"] = due.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["hs_task_status"] = "NOT_STARTED",
        };
        if (task.OwnerId is { Length: > 0 } owner)
        {
            properties["hubspot_owner_id"] = owner;
        }

        AssociationInput[] associations = [new(new IdInput(task.AccountId), [new AssociationTypeInput("HUBSPOT_DEFINED", TaskToCompanyTypeId)])];
        var type = options.Mapping.Objects["Task"];
        var created = await HubSpotCalls.SendAsync("create task", () => api.CreateObjectAsync(paths.Objects(type), new CreateObjectRequest(properties, associations), cancellationToken)).ConfigureAwait(false);
        return created.Id ?? throw new CrmException("HubSpot created a task but returned no id", "UNREADABLE_RESPONSE", 201);
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
