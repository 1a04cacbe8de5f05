using CrmStateSync.Crm.Catalogue;
using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Schema;

/// <summary>
/// The type each canonical key needs, and the mapping's picklist list behind it (rules.md §1, crm-schema.md): an input
/// field's from the <see cref="FieldCatalogue"/>, a worker's field's from <see cref="ManagedField"/>, the record
/// structure's (ids, links, stamps) here.
/// </summary>
internal static class FieldTypes
{
    /// <summary>Every catalogue field by key (a key names one field in all four objects).</summary>
    private static readonly Dictionary<string, (CanonicalFieldKind Kind, string? Picklist, CanonicalReference? References)> Inputs =
        FieldCatalogue.Account.Select(f => (f.Key, f.Kind, f.Picklist, f.References))
            .Concat(FieldCatalogue.Opportunity.Select(f => (f.Key, f.Kind, f.Picklist, f.References)))
            .Concat(FieldCatalogue.Contact.Select(f => (f.Key, f.Kind, f.Picklist, f.References)))
            .Concat(FieldCatalogue.Usage.Select(f => (f.Key, f.Kind, f.Picklist, f.References)))
            .ToDictionary(f => f.Key, f => (f.Kind, f.Picklist, f.References), StringComparer.Ordinal);

    /// <summary>The type of an input key (the worker's own keys use <see cref="OfManaged"/>).</summary>
    public static CrmFieldType OfInput(string key) => key switch
    {
        "modifiedAt" => CrmFieldType.DateTime,
        "id" or "accountId" or "lastModifiedBy" => CrmFieldType.Reference,
        _ when Inputs.TryGetValue(key, out var input) => input.Kind switch
        {
            CanonicalFieldKind.Id => CrmFieldType.Reference,
            CanonicalFieldKind.Bool => CrmFieldType.Boolean,
            CanonicalFieldKind.Count => CrmFieldType.Number,
            CanonicalFieldKind.Date => CrmFieldType.Date,
            CanonicalFieldKind.Enum or CanonicalFieldKind.Known => CrmFieldType.Picklist,
            _ => CrmFieldType.Text,
        },
        _ when key.EndsWith("On", StringComparison.Ordinal) => CrmFieldType.Date,
        _ when PicklistOf(key) is not null => CrmFieldType.Picklist,
        _ => CrmFieldType.Text,
    };

    public static CrmFieldType OfManaged(string key) => ManagedField.KindOf(key) switch
    {
        ManagedFieldKind.Number => CrmFieldType.Number,
        ManagedFieldKind.Boolean => CrmFieldType.Boolean,
        ManagedFieldKind.Date => CrmFieldType.Date,
        ManagedFieldKind.StagePicklist or ManagedFieldKind.StatePicklist => CrmFieldType.Picklist,
        _ => CrmFieldType.Text,
    };

    /// <summary>The mapping's picklist list for a key, or null.</summary>
    public static string? PicklistOf(string key) => key switch
    {
        ManagedField.Stage => "stage",
        _ when key.StartsWith("state:", StringComparison.Ordinal) => "stateValue",
        _ => Inputs.TryGetValue(key, out var input) ? input.Picklist : null,
    };

    /// <summary>The object a reference key points to (Salesforce lookups).</summary>
    public static string? ReferenceOf(string key) => key switch
    {
        "accountId" => "Account",
        "lastModifiedBy" => "User",
        _ when Inputs.TryGetValue(key, out var input) => input.References switch
        {
            CanonicalReference.User => "User",
            CanonicalReference.Contact => "Contact",
            _ => null,
        },
        _ => null,
    };
}
