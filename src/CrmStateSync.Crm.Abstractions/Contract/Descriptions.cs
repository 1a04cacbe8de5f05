namespace CrmStateSync.Crm.Contract;

/// <summary>Field types as the schema check compares them, whatever the CRM calls them.</summary>
public enum CrmFieldType
{
    Text,
    Number,
    Boolean,
    Date,
    DateTime,
    Picklist,
    Reference,
    Other,
}

/// <summary>One picklist/enumeration option: the value written and the label shown.</summary>
public sealed record PicklistOption(string Value, string Label, bool Active = true);

/// <summary>A field as the org describes it.</summary>
public sealed record CrmFieldDescription(string Name, CrmFieldType Type, bool Updateable, IReadOnlyList<PicklistOption> Options, bool Calculated = false);

/// <summary>An object's fields as the org describes them (Salesforce describe, HubSpot properties).</summary>
public sealed record CrmObjectDescription(CrmObject Kind, string Name, IReadOnlyList<CrmFieldDescription> Fields);

/// <summary>The API usage the CRM reported, and the calls this process made.</summary>
/// <param name="Used">Requests used in the CRM's daily window, when it says.</param>
/// <param name="Max">The daily limit, when it says.</param>
/// <param name="CallsMade">Calls this connector made since it was created.</param>
public sealed record ApiUsage(long? Used, long? Max, long CallsMade)
{
    /// <summary>Used / Max, or null when unknown.</summary>
    public double? Share => Used is { } u && Max is { } m && m > 0 ? (double)u / m : null;
}
