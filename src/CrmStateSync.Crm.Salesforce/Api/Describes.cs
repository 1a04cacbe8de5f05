using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Salesforce.Api;

/// <summary>A describe result as the contract's <see cref="CrmObjectDescription"/>, with Salesforce types folded.</summary>
internal static class Describes
{
    public static CrmObjectDescription ToDescription(CrmObject kind, DescribeResult describe) => new(
        kind,
        describe.Name,
        [.. (describe.Fields ?? []).Select(f => new CrmFieldDescription(
            f.Name,
            TypeOf(f.Type),
            f.Updateable,
            [.. (f.PicklistValues ?? []).Select(v => new PicklistOption(v.Value, v.Label ?? v.Value, v.Active))],
            f.Calculated))]);

    public static CrmFieldType TypeOf(string? salesforceType) => salesforceType switch
    {
        "string" or "textarea" => CrmFieldType.Text,
        "double" or "int" or "currency" or "percent" => CrmFieldType.Number,
        "boolean" => CrmFieldType.Boolean,
        "date" => CrmFieldType.Date,
        "datetime" => CrmFieldType.DateTime,
        "picklist" or "multipicklist" => CrmFieldType.Picklist,
        "reference" => CrmFieldType.Reference,
        _ => CrmFieldType.Other,
    };
}
