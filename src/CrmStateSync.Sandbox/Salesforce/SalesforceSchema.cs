using System.Collections.Concurrent;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Sandbox.Seed;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>One described field: <c>{name, type, updateable, nillable, calculated, restrictedPicklist, picklistValues, referenceTo}</c>;
/// <paramref name="Group"/> is the HubSpot property group (null: the portal's default group).</summary>
internal sealed record SchemaField(string Name, string Type, bool Updateable, bool RestrictedPicklist, IReadOnlyList<string> PicklistValues, string? ReferenceTo,
    bool Calculated = false, string? Group = null);

/// <summary>
/// The org's fields per sObject: the mapped ones (typed from their canonical key), the calculated ones (formulas) and
/// the system fields. Changes (a test removing a field, provisioning adding one) swap in a new copy of the object's
/// fields, so a request in flight reads one consistent version.
/// </summary>
internal sealed class SalesforceSchema
{
    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal) { "workflowsLive", "inNewHireOnboarding", ManagedField.MilestoneStalled, "isClosed", "isWon" };
    private static readonly HashSet<string> Numbers = new(StringComparer.Ordinal) { ManagedField.MilestonesCompleted, ManagedField.TimeToValueDays, "activeUsers", "valueActions", "coreEvents" };
    private static readonly HashSet<string> Dates = new(StringComparer.Ordinal) { "closeDate", "contractStart", "contractEnd", "date" };

    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, SchemaField>> _objects = new(StringComparer.OrdinalIgnoreCase);

    public SalesforceSchema(FieldMappingOptions mapping)
    {
        Add(mapping, mapping.Objects["Opportunity"], mapping.Opportunity);
        Add(mapping, mapping.Objects["Contact"], mapping.Contact);
        var usage = Add(mapping, mapping.Objects["Usage"], mapping.Usage);
        foreach (var field in mapping.UsageMetrics.Values)
        {
            usage[field] = new SchemaField(field, "double", true, false, [], null);
        }

        var account = Add(mapping, mapping.Objects["Account"], mapping.Account);
        foreach (var field in mapping.Calculated.Values)
        {
            account[field] = new SchemaField(field, "double", false, false, [], null, Calculated: true);
        }

        var task = Add(mapping, mapping.Objects["Task"], new Dictionary<string, string>());
        foreach (var (name, type) in new[] { ("WhatId", "reference"), ("OwnerId", "reference"), ("Subject", "string"), ("Description", "textarea"), ("ActivityDate", "date"), ("Status", "picklist") })
        {
            task[name] = new SchemaField(name, type, true, false, name == "Status" ? ["Not Started", "In Progress", "Completed"] : [], name == "WhatId" ? "Account" : null);
        }

        // Derived from Status (see SoqlValues), as Salesforce derives it from the status's IsClosed flag.
        task["IsClosed"] = new SchemaField("IsClosed", "boolean", false, false, [], null);
    }

    public IReadOnlyDictionary<string, SchemaField>? Fields(string sobject) => _objects.GetValueOrDefault(sobject);

    /// <summary>Replaces (or, when <paramref name="change"/> returns null, removes) one field; false when there is no such field.</summary>
    public bool Change(string sobject, string field, Func<SchemaField, SchemaField?> change)
    {
        if (Name(sobject) is not { } name || _objects[name] is not { } fields || !fields.TryGetValue(field, out var current))
        {
            return false;
        }

        var copy = new Dictionary<string, SchemaField>(fields, StringComparer.Ordinal);
        if (change(current) is { } changed)
        {
            copy[field] = changed;
        }
        else
        {
            copy.Remove(field);
        }

        _objects[name] = copy;
        return true;
    }

    /// <summary>Adds a field (provisioning); false when the object does not exist or already has it.</summary>
    public bool Add(string sobject, SchemaField field)
    {
        if (Name(sobject) is not { } name || _objects[name].ContainsKey(field.Name))
        {
            return false;
        }

        _objects[name] = new Dictionary<string, SchemaField>(_objects[name], StringComparer.Ordinal) { [field.Name] = field };
        return true;
    }

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
