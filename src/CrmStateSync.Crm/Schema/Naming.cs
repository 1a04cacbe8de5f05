using System.Text.RegularExpressions;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Rules.Configuration;

namespace CrmStateSync.Crm.Schema;

/// <summary>The CRM-specific half of <see cref="ExpectedSchema"/>: object names, custom fields, picklist translation.</summary>
internal sealed partial class Naming(bool hubSpot, FieldMappingOptions mapping)
{
    /// <summary>HubSpot properties every portal has (besides the <c>hs_</c> ones): never provisioned.</summary>
    private static readonly HashSet<string> HubSpotStandard = new(StringComparer.Ordinal) { "name", "hubspot_owner_id", "closedate", "dealtype", "lastmodifieddate", "createdate" };

    public ExpectedField Field(CrmObject kind, string key, string field, CrmFieldType type, FieldAccess access)
    {
        var objectName = mapping.Objects.GetValueOrDefault(kind.ToString(), kind.ToString());
        return new ExpectedField(kind, objectName, field, key, type, access)
        {
            Label = FieldDocs.Label(field),
            Source = FieldDocs.Source(key, access),
            Custom = IsCustom(field),
            CustomObject = IsCustomObject(objectName),
        };
    }

    /// <summary>HubSpot links deals, contacts and usage to the company by association, not by a property.</summary>
    public bool IsAssociation(string key) => hubSpot && key == "accountId";

    /// <summary>The CRM options for canonical values (mapped; otherwise derived the way the defaults are).</summary>
    public IReadOnlyList<PicklistOption> Options(string key, IEnumerable<string>? canonical)
    {
        var list = FieldTypes.PicklistOf(key);
        var known = list is not null && mapping.Picklists.TryGetValue(list, out var values) ? values : null;
        var labels = canonical ?? (IEnumerable<string>?)known?.Keys ?? [];
        return [.. labels.Select(label => new PicklistOption(known?.GetValueOrDefault(label) ?? Derive(label), Display(label)))];
    }

    /// <summary>Canonical values the mapping has a list for but no entry: the write mapper would refuse them.</summary>
    public IReadOnlyList<string> Unmapped(string key, IEnumerable<string> canonical) =>
        FieldTypes.PicklistOf(key) is { } list && mapping.Picklists.TryGetValue(list, out var values) ? [.. canonical.Where(c => !values.ContainsKey(c))] : [];

    public FieldCalculation? Calculation(string key, CompiledRules rules)
    {
        string? EntryField(string? stage) => stage is null ? null : mapping.Account.GetValueOrDefault(ManagedField.StageEntryDate(stage));
        if (key == ManagedField.TimeToValueDays)
        {
            return EntryField(rules.TimeToValueFrom) is { } from && EntryField(rules.TimeToValueTo) is { } to ? new DaysBetweenCalculation(from, to) : null;
        }

        if (key != DefaultMappings.DaysInCurrentStage || !mapping.Account.TryGetValue(ManagedField.Stage, out var stageField))
        {
            return null;
        }

        var stages = Options(ManagedField.Stage, rules.StageLabels)
            .Zip(rules.StageLabels, (option, label) => (option.Value, Field: EntryField(label)))
            .Where(s => s.Field is not null)
            .Select(s => new StageEntryField(s.Value, s.Field!));
        return new DaysInStageCalculation(stageField, [.. stages]);
    }

    private bool IsCustom(string field) => hubSpot
        ? !field.StartsWith("hs_", StringComparison.Ordinal) && !HubSpotStandard.Contains(field)
        : field.EndsWith("__c", StringComparison.Ordinal);

    private bool IsCustomObject(string objectName) => hubSpot ? !objectName.StartsWith("0-", StringComparison.Ordinal) && objectName is not ("companies" or "deals" or "contacts" or "tasks") : objectName.EndsWith("__c", StringComparison.Ordinal);

    /// <summary>A canonical value as a CRM value when the mapping has none: Salesforce the label itself, HubSpot snake_case.</summary>
    private string Derive(string label) => hubSpot ? label.ToLowerInvariant().Replace(' ', '_').Replace('-', '_') : label;

    /// <summary>The option label, the same in both CRMs (crm-schema.md): the canonical value in words (<c>ExecSponsor</c> → <c>Exec Sponsor</c>).</summary>
    private static string Display(string label) => Words().Replace(label, " ");

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex Words();
}
