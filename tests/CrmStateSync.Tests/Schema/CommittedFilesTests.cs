using CrmStateSync.Commands;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Crm.Salesforce.Metadata;
using CrmStateSync.Crm.Schema;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Schema;

/// <summary>The generated files committed to the repository never drift from what the code generates.</summary>
public class CommittedFilesTests
{
    [Test]
    public void SalesforcePackage_Committed_EqualsGenerated()
    {
        var generated = MetadataPackage.Generate(ExpectedSchema.For("salesforce", DefaultMappings.Salesforce(), CompiledRules.Default), "v66.0")
            .ToDictionary(f => f.Path, f => f.Content);

        var committed = SchemaProvisionCommandTests.PackageFiles(Path.Combine(RepoPaths.Root, "deploy", "salesforce"));

        Assert.That(committed, Is.EqualTo(generated),
            "regenerate with: dotnet run --project src/CrmStateSync -- schema provision --config <salesforce appsettings> --output deploy/salesforce");
    }

    [Test]
    public void FieldReference_Committed_EqualsTheCommandsOutput()
    {
        var run = CommandRun.Of("schema", "reference");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "field-reference.md")), Is.EqualTo(run.Output), "regenerate with: " + FieldReferenceWriter.Regenerate);
        });
    }

    [Test]
    public void Reference_OneCrm_PrintsOnlyIt()
    {
        var run = CommandRun.Of("schema", "reference", "--crm", "hubspot");

        Assert.That(run.Output, Does.Contain("## HubSpot").And.Contain("`cs_lifecycle_stage` | `stage` | picklist | writes | `new_customer` (New Customer)").And.Not.Contain("## Salesforce"));
    }
}
