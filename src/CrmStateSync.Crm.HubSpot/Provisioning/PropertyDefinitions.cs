using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.Schema;

namespace CrmStateSync.Crm.HubSpot.Provisioning;

/// <summary>An expected field as a HubSpot property definition: <c>type</c> with its matching <c>fieldType</c> (crm-apis.md).</summary>
internal static class PropertyDefinitions
{
    /// <summary>The property group provisioned properties go in, so an admin sees at a glance what the worker created.</summary>
    public const string GroupName = "crmstatesync";

    public const string GroupLabel = "CrmStateSync";

    public static CreatePropertyRequest For(ExpectedField field)
    {
        var (type, fieldType) = field.Type switch
        {
            CrmFieldType.Picklist => ("enumeration", "select"),
            CrmFieldType.Boolean => ("bool", "booleancheckbox"),
            CrmFieldType.Date => ("date", "date"),
            CrmFieldType.DateTime => ("datetime", "date"),
            CrmFieldType.Number => ("number", "number"),
            _ => ("string", "text"),
        };
        var options = field.Type == CrmFieldType.Picklist ? Options(field.Values) : null;
        var description = $"CrmStateSync {field.Access.ToString().ToLowerInvariant()} ({field.Key}; {field.Source})";
        return new CreatePropertyRequest(field.Field, field.Label, type, fieldType, GroupName, options, description);
    }

    /// <summary>The existing options (hidden ones shown again when the rules need them) followed by the missing ones.</summary>
    public static UpdatePropertyOptionsRequest WithValues(IReadOnlyList<PicklistOption> existing, ExpectedField field, IReadOnlyCollection<string> missing)
    {
        var kept = existing.Select(o => o with { Active = o.Active || missing.Contains(o.Value) });
        var added = field.Values.Where(v => missing.Contains(v.Value) && existing.All(o => o.Value != v.Value));
        return new UpdatePropertyOptionsRequest(Options([.. kept.Concat(added)]));
    }

    private static List<PropertyOptionInput> Options(IReadOnlyList<PicklistOption> values) =>
        [.. values.Select((v, i) => new PropertyOptionInput(v.Label, v.Value, i, !v.Active))];
}
