using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Schema;

/// <summary>The type each canonical key needs, and the mapping's picklist list behind it (rules.md §1, crm-schema.md).</summary>
internal static class FieldTypes
{
    private static readonly HashSet<string> References = new(StringComparer.Ordinal) { "id", "accountId", "ownerId", "goalOwnerId", "lastModifiedBy" };
    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal) { "workflowsLive", "inNewHireOnboarding", "isClosed", "isWon" };
    private static readonly HashSet<string> Numbers = new(StringComparer.Ordinal) { "activeUsers", "valueActions", "coreEvents" };
    private static readonly HashSet<string> Dates = new(StringComparer.Ordinal) { "closeDate", "contractStart", "contractEnd", "date" };

    /// <summary>The type of an input key (the worker's own keys use <see cref="OfManaged"/>).</summary>
    public static CrmFieldType OfInput(string key) => key switch
    {
        "modifiedAt" => CrmFieldType.DateTime,
        _ when References.Contains(key) => CrmFieldType.Reference,
        _ when Booleans.Contains(key) => CrmFieldType.Boolean,
        _ when Numbers.Contains(key) => CrmFieldType.Number,
        _ when Dates.Contains(key) || key.EndsWith("On", StringComparison.Ordinal) => CrmFieldType.Date,
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
        "segment" => "segment",
        "integrationStatus" => "integrationStatus",
        "role" => "stakeholderRole",
        "type" => "opportunityType",
        _ when key.StartsWith("state:", StringComparison.Ordinal) => "stateValue",
        _ => null,
    };

    /// <summary>The object a reference key points to (Salesforce lookups).</summary>
    public static string? ReferenceOf(string key) => key switch
    {
        "goalOwnerId" => "Contact",
        "accountId" => "Account",
        "ownerId" or "lastModifiedBy" => "User",
        _ => null,
    };
}
