using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Rules.Configuration;

namespace CrmStateSync.Crm.Schema;

/// <summary>
/// The fields the mapping in effect expects in the org: every mapped input (read), every managed field the configured
/// rules can write (a stage or milestone the rules never produce is left out), and the calculated fields. Picklist values
/// are the CRM values of every stage label and state value the rules write, translated by the mapping.
/// </summary>
public static class ExpectedSchema
{
    private static readonly string[] SampleSegments = ["Enterprise", "Mid-Market", "SMB"];

    public static IReadOnlyList<ExpectedField> For(string provider, FieldMappingOptions mapping, CompiledRules rules)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(rules);
        var naming = new Naming(provider == "hubspot", mapping);
        var fields = new List<ExpectedField>();
        fields.AddRange(mapping.Account.Where(p => Produced(p.Key, rules)).Select(p => Field(naming, CrmObject.Account, p.Key, p.Value, rules)));
        fields.AddRange(mapping.Calculated.Select(p => Calculated(naming, p.Key, p.Value, rules)));
        fields.AddRange(Inputs(naming, CrmObject.Opportunity, mapping.Opportunity));
        fields.AddRange(Inputs(naming, CrmObject.Contact, mapping.Contact));
        fields.AddRange(Inputs(naming, CrmObject.Usage, mapping.Usage));
        fields.AddRange(mapping.UsageMetrics.Select(m => naming.Field(CrmObject.Usage, "metric:" + m.Key, m.Value, CrmFieldType.Number, FieldAccess.Read)));
        return fields;
    }

    /// <summary>False for an entry date or milestone the configured rules never write.</summary>
    private static bool Produced(string key, CompiledRules rules) =>
        key.StartsWith("stageEntryDate:", StringComparison.Ordinal) ? rules.StageLabels.Contains(key["stageEntryDate:".Length..])
        : !key.StartsWith("milestone:", StringComparison.Ordinal) || rules.MilestoneKeys.Contains(key["milestone:".Length..]);

    private static IEnumerable<ExpectedField> Inputs(Naming naming, CrmObject kind, Dictionary<string, string> map) =>
        map.Where(p => !naming.IsAssociation(p.Key)).Select(p => naming.Field(kind, p.Key, p.Value, FieldTypes.OfInput(p.Key), FieldAccess.Read) with
        {
            Values = naming.Options(p.Key, FieldTypes.PicklistOf(p.Key) == "segment" ? SampleSegments : null),
            PicklistName = FieldTypes.PicklistOf(p.Key),
            ReferenceTo = FieldTypes.ReferenceOf(p.Key),
        });

    private static ExpectedField Field(Naming naming, CrmObject kind, string key, string field, CompiledRules rules)
    {
        if (!ManagedField.IsManaged(key))
        {
            return Inputs(naming, kind, new Dictionary<string, string> { [key] = field }).Single();
        }

        var expected = naming.Field(kind, key, field, FieldTypes.OfManaged(key), FieldAccess.Written);
        var canonical = key == ManagedField.Stage ? rules.StageLabels : key.StartsWith("state:", StringComparison.Ordinal) ? Enum.GetNames<Rules.Model.StateValue>() : null;
        return canonical is null ? expected : expected with
        {
            Values = naming.Options(key, canonical),
            UnmappedValues = naming.Unmapped(key, canonical),
            PicklistName = FieldTypes.PicklistOf(key),
        };
    }

    private static ExpectedField Calculated(Naming naming, string key, string field, CompiledRules rules) =>
        naming.Field(CrmObject.Account, key, field, CrmFieldType.Number, FieldAccess.Calculated) with { Calculation = naming.Calculation(key, rules) };
}
