using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Sandbox.Seed;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>One described field: <c>{name, type, updateable, nillable, calculated, restrictedPicklist, picklistValues, referenceTo}</c>.</summary>
internal sealed record SchemaField(string Name, string Type, bool Updateable, bool RestrictedPicklist, IReadOnlyList<string> PicklistValues, string? ReferenceTo);

/// <summary>The org's fields per sObject: the mapped ones (typed from their canonical key) and the system fields.</summary>
internal sealed class SalesforceSchema
{
    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal) { "workflowsLive", "inNewHireOnboarding", ManagedField.MilestoneStalled, "isClosed", "isWon" };
    private static readonly HashSet<string> Numbers = new(StringComparer.Ordinal) { ManagedField.MilestonesCompleted, ManagedField.TimeToValueDays, "activeUsers", "valueActions", "coreEvents" };
    private static readonly HashSet<string> Dates = new(StringComparer.Ordinal) { "closeDate", "contractStart", "contractEnd", "date" };

    private readonly Dictionary<string, Dictionary<string, SchemaField>> _objects = new(StringComparer.OrdinalIgnoreCase);

    public SalesforceSchema(FieldMappingOptions mapping)
    {
        Add(mapping, mapping.Objects["Account"], mapping.Account);
        Add(mapping, mapping.Objects["Opportunity"], mapping.Opportunity);
        Add(mapping, mapping.Objects["Contact"], mapping.Contact);
        var usage = Add(mapping, mapping.Objects["Usage"], mapping.Usage);
        foreach (var field in mapping.UsageMetrics.Values)
        {
            usage[field] = new SchemaField(field, "double", true, false, [], null);
        }

        var task = Add(mapping, mapping.Objects["Task"], new Dictionary<string, string>());
        foreach (var (name, type) in new[] { ("WhatId", "reference"), ("OwnerId", "reference"), ("Subject", "string"), ("Description", "textarea"), ("ActivityDate", "date"), ("Status", "picklist") })
        {
            task[name] = new SchemaField(name, type, true, false, name == "Status" ? ["Not Started", "In Progress", "Completed"] : [], name == "WhatId" ? "Account" : null);
        }
    }

    public IReadOnlyDictionary<string, SchemaField>? Fields(string sobject) => _objects.GetValueOrDefault(sobject);

    /// <summary>The object's API name as the org spells it, or null when there is no such object.</summary>
    public string? Name(string sobject) => _objects.Keys.FirstOrDefault(k => string.Equals(k, sobject, StringComparison.OrdinalIgnoreCase));

    private Dictionary<string, SchemaField> Add(FieldMappingOptions mapping, string sobject, IReadOnlyDictionary<string, string> fields)
    {
        var described = new Dictionary<string, SchemaField>(StringComparer.Ordinal)
        {
            ["Id"] = new("Id", "id", false, false, [], null),
            ["IsDeleted"] = new("IsDeleted", "boolean", false, false, [], null),
            ["SystemModstamp"] = new("SystemModstamp", "datetime", false, false, [], null),
            ["LastModifiedById"] = new("LastModifiedById", "reference", false, false, [], "User"),
        };
        foreach (var (key, field) in fields)
        {
            described.TryAdd(field, Describe(mapping, key, field));
        }

        _objects[sobject] = described;
        return described;
    }

    private static SchemaField Describe(FieldMappingOptions mapping, string key, string field)
    {
        var picklist = PicklistOf(key);
        if (picklist is not null)
        {
            var values = picklist == "segment" ? SandboxSeed.Segments : mapping.Picklists.TryGetValue(picklist, out var p) ? [.. p.Values] : [];
            return new SchemaField(field, "picklist", true, picklist is "stage" or "stateValue", values, null);
        }

        var type = key switch
        {
            "name" => "string",
            "modifiedAt" => "datetime",
            "ownerId" => "reference",
            "goalOwnerId" => "reference",
            "accountId" => "reference",
            _ when Booleans.Contains(key) => "boolean",
            _ when Numbers.Contains(key) => "double",
            _ when IsDate(key) => "date",
            _ => "string",
        };
        var reference = key switch { "ownerId" => "User", "goalOwnerId" => "Contact", "accountId" => "Account", _ => null };
        return new SchemaField(field, type, true, false, [], reference);
    }

    private static bool IsDate(string key) => Dates.Contains(key) || key.EndsWith("On", StringComparison.Ordinal) || key.EndsWith("Since", StringComparison.Ordinal)
        || key.StartsWith("stageEntryDate:", StringComparison.Ordinal) || key.StartsWith("stateVerified:", StringComparison.Ordinal)
        || key.StartsWith("milestone:", StringComparison.Ordinal);

    private static string? PicklistOf(string key) => key switch
    {
        "segment" => "segment",
        ManagedField.Stage => "stage",
        "integrationStatus" => "integrationStatus",
        "role" => "stakeholderRole",
        "type" => "opportunityType",
        _ when key.StartsWith("state:", StringComparison.Ordinal) => "stateValue",
        _ => null,
    };
}
