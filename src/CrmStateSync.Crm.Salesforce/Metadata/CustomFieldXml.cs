using System.Xml.Linq;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Schema;
using static CrmStateSync.Crm.Salesforce.Metadata.MetadataXml;

namespace CrmStateSync.Crm.Salesforce.Metadata;

/// <summary>One <c>CustomField</c> (<c>fields/X__c.field-meta.xml</c>) for an expected field.</summary>
internal static class CustomFieldXml
{
    public static XElement For(ExpectedField field)
    {
        XElement[] common = [E("fullName", field.Field), E("label", Label(field.Label)), E("description", Description(field))];
        return Sorted("CustomField", common.Concat(field.Access == FieldAccess.Calculated ? Formula(field) : Typed(field)));
    }

    private static IEnumerable<XElement> Typed(ExpectedField field) => field.Type switch
    {
        CrmFieldType.Boolean => [E("defaultValue", false), E("type", "Checkbox")],
        CrmFieldType.Number => [E("precision", 18), E("scale", 0), E("required", false), E("type", "Number")],
        CrmFieldType.Date => [E("required", false), E("type", "Date")],
        CrmFieldType.DateTime => [E("required", false), E("type", "DateTime")],
        CrmFieldType.Picklist => [E("required", false), E("type", "Picklist"), ValueSet(field)],
        CrmFieldType.Reference => Lookup(field),
        _ => [E("length", 255), E("required", false), E("type", "Text")],
    };

    private static IEnumerable<XElement> Formula(ExpectedField field) =>
    [
        E("formula", Formulas.For(field.Calculation) ?? "NULL"), E("formulaTreatBlanksAs", "BlankAsBlank"),
        E("precision", 18), E("scale", 0), E("type", "Number"),
    ];

    /// <summary>A picklist the worker writes is restricted to the rules' values (a typo is refused, not stored); an input is open.</summary>
    private static XElement ValueSet(ExpectedField field) => Sorted("valueSet",
    [
        E("restricted", field.Access == FieldAccess.Written),
        Sorted("valueSetDefinition", field.Values
            .Select(v => Sorted("value", [E("fullName", v.Value), E("default", false), E("label", v.Label)]))
            .Prepend(E("sorted", false))),
    ]);

    private static IEnumerable<XElement> Lookup(ExpectedField field)
    {
        var relationship = $"{Bare(field.ObjectName)}_{Bare(field.Field)}";
        return
        [
            E("deleteConstraint", "SetNull"), E("referenceTo", field.ReferenceTo ?? "Account"), E("relationshipLabel", relationship.Replace('_', ' ')),
            E("relationshipName", relationship), E("required", false), E("type", "Lookup"),
        ];
    }

    private static string Bare(string name) => name.EndsWith("__c", StringComparison.Ordinal) ? name[..^3] : name;

    /// <summary>Labels are at most 40 characters.</summary>
    private static string Label(string label) => label.Length <= 40 ? label : label[..40].TrimEnd();

    private static string Description(ExpectedField field) => field.Access switch
    {
        FieldAccess.Written => $"Written by CrmStateSync ({field.Key}; {field.Source}). Edits are settled by its ownership policy.",
        FieldAccess.Calculated => $"Formula provisioned by CrmStateSync ({field.Key}; {field.Source}); never written.",
        _ => $"Read by CrmStateSync ({field.Key}; {field.Source}).",
    };
}
