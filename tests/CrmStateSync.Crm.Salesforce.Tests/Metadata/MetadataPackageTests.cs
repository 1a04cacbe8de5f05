using System.Xml.Linq;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Crm.Salesforce.Metadata;
using CrmStateSync.Crm.Schema;
using CrmStateSync.Rules.Configuration;

namespace CrmStateSync.Crm.Salesforce.Tests.Metadata;

/// <summary>The metadata package of the default mapping: well-formed source-format XML with the elements a deploy needs.</summary>
public class MetadataPackageTests
{
    private const string Objects = "force-app/main/default/objects";
    private static readonly XNamespace Ns = "http://soap.sforce.com/2006/04/metadata";
    private static readonly IReadOnlyList<MetadataFile> Package =
        MetadataPackage.Generate(ExpectedSchema.For("salesforce", DefaultMappings.Salesforce(), CompiledRules.Default), "v66.0");

    private static XElement Xml(string path) => XDocument.Parse(Package.Single(f => f.Path == path).Content).Root!;

    private static XElement Field(string sobject, string field) => Xml($"{Objects}/{sobject}/fields/{field}.field-meta.xml");

    private static string? Value(XElement element, string name) => element.Element(Ns + name)?.Value;

    [Test]
    public void Generate_EveryXmlFile_WellFormedInTheMetadataNamespace()
    {
        var xml = Package.Where(f => f.Path.EndsWith(".xml", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(xml, Has.Count.GreaterThan(60));
            Assert.That(xml.Select(f => XDocument.Parse(f.Content).Root!.Name.Namespace), Is.All.EqualTo(Ns));
            Assert.That(xml.Select(f => f.Content), Is.All.StartWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
        });
    }

    [Test]
    public void Generate_StagePicklist_RestrictedValueSetOfTheRulesStages()
    {
        var stage = Field("Account", "Customer_Lifecycle_Stage__c");
        var values = stage.Descendants(Ns + "value").Select(v => Value(v, "fullName"));

        Assert.Multiple(() =>
        {
            Assert.That(stage.Name, Is.EqualTo(Ns + "CustomField"));
            Assert.That((Value(stage, "fullName"), Value(stage, "type")), Is.EqualTo(("Customer_Lifecycle_Stage__c", "Picklist")));
            Assert.That(Value(stage, "label"), Is.EqualTo("Customer Lifecycle Stage"));
            Assert.That(Value(stage.Element(Ns + "valueSet")!, "restricted"), Is.EqualTo("true"));
            Assert.That(values, Is.EqualTo(new[] { "New Customer", "Onboarding", "Adopting", "Healthy", "At-Risk", "Churned" }));
        });
    }

    [TestCase("Lifecycle_Adopting_Entry_Date__c", "Date")]
    [TestCase("CS_Milestone_Stalled__c", "Checkbox")]
    [TestCase("CS_Milestones_Completed__c", "Number")]
    [TestCase("CS_Divergence__c", "Text")]
    [TestCase("CS_Goal_Owner__c", "Lookup")]
    public void Generate_AccountField_HasItsType(string field, string type) =>
        Assert.That(Value(Field("Account", field), "type"), Is.EqualTo(type));

    [Test]
    public void Generate_FormulaFields_NumberFormulasOverTheEntryDates()
    {
        var days = Field("Account", "Days_in_Current_Stage__c");
        var ttv = Field("Account", "Time_to_Value_Days__c");

        Assert.Multiple(() =>
        {
            Assert.That(Value(days, "type"), Is.EqualTo("Number"));
            Assert.That(Value(days, "formula"), Does.StartWith("CASE(Customer_Lifecycle_Stage__c,").And.Contain("\"At-Risk\", TODAY() - Lifecycle_At_Risk_Entry_Date__c"));
            Assert.That(Value(ttv, "formula"), Is.EqualTo("Lifecycle_Adopting_Entry_Date__c - Lifecycle_New_Customer_Entry_Date__c"));
            Assert.That(Value(ttv, "formulaTreatBlanksAs"), Is.EqualTo("BlankAsBlank"));
        });
    }

    [Test]
    public void Generate_UsageObject_CustomObjectWithItsLookupToAccount()
    {
        var usage = Xml($"{Objects}/CS_Usage__c/CS_Usage__c.object-meta.xml");
        var account = Field("CS_Usage__c", "CS_Account__c");

        Assert.Multiple(() =>
        {
            Assert.That(usage.Name, Is.EqualTo(Ns + "CustomObject"));
            Assert.That((Value(usage, "deploymentStatus"), Value(usage, "sharingModel")), Is.EqualTo(("Deployed", "ReadWrite")));
            Assert.That((Value(account, "type"), Value(account, "referenceTo")), Is.EqualTo(("Lookup", "Account")));
        });
    }

    [Test]
    public void Generate_PermissionSet_EditableWhereWrittenReadableForInputsAndFormulas()
    {
        var set = Xml("force-app/main/default/permissionsets/CrmStateSync_Integration.permissionset-meta.xml");
        var editable = set.Elements(Ns + "fieldPermissions").ToDictionary(p => Value(p, "field")!, p => (Value(p, "editable"), Value(p, "readable")));

        Assert.Multiple(() =>
        {
            Assert.That(set.Name, Is.EqualTo(Ns + "PermissionSet"));
            Assert.That(editable["Account.Customer_Lifecycle_Stage__c"], Is.EqualTo(("true", "true")));
            Assert.That(editable["Account.CS_Kickoff_On__c"], Is.EqualTo(("false", "true")));
            Assert.That(editable["Account.Days_in_Current_Stage__c"], Is.EqualTo(("false", "true")));
            Assert.That(editable["CS_Usage__c.CS_Usage_Date__c"], Is.EqualTo(("false", "true")));
            Assert.That(editable.Keys, Has.None.Contains(".OwnerId").And.None.Contains(".IsClosed"), "standard fields are the org's");
        });
    }

    [Test]
    public void Generate_Project_SourceApiVersionFromTheOptions() =>
        Assert.That(Package.Single(f => f.Path == "sfdx-project.json").Content, Does.Contain("\"sourceApiVersion\": \"66.0\"").And.Contain("\"path\": \"force-app\""));
}
