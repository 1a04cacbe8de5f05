using System.CommandLine;
using CrmStateSync.Configuration;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Crm.Schema;
using CrmStateSync.Hosting;
using CrmStateSync.Rules.Configuration;

namespace CrmStateSync.Commands;

/// <summary>
/// <c>schema reference [--crm salesforce|hubspot] [--format markdown] [--config FILE]</c>: the field reference generated
/// from the mapping (docs/field-reference.md is its output for the defaults). Needs no CRM and no credentials.
/// </summary>
internal static class SchemaReferenceCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var crm = new Option<string?>("--crm") { Description = "salesforce or hubspot (default both)" };
        crm.AcceptOnlyFromAmong("salesforce", "hubspot");
        var format = new Option<string>("--format") { Description = "markdown", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown");
        var config = new Option<FileInfo?>("--config", "-c") { Description = "appsettings whose Crm mapping and Rules to document (default: the defaults)" };
        var command = new Command("reference", "Print the field reference: per CRM, every mapped field, its key, type, use and picklist values") { crm, format, config };
        command.SetAction(parse =>
        {
            try
            {
                return Run(parse.GetValue(crm), parse.GetValue(config), output);
            }
            catch (RulesConfigurationException ex)
            {
                return Failures.Problems(ex.Problems, error);
            }
        });
        return command;
    }

    private static int Run(string? crm, FileInfo? config, TextWriter output)
    {
        var configuration = config is null ? null : WorkerConfiguration.Load(config.FullName);
        var rules = configuration is null ? CompiledRules.Default : RulesConfiguration.Compile(configuration.GetSection(RulesConfiguration.Section));
        FieldReferenceWriter.WriteHeader(output);
        foreach (var (provider, title) in new[] { ("salesforce", "Salesforce"), ("hubspot", "HubSpot") }.Where(p => crm is null || crm == p.Item1))
        {
            var mapping = configuration is null ? Defaults(provider) : CrmHost.MappingOf(configuration, provider);
            FieldReferenceWriter.WriteCrm(output, title, ExpectedSchema.For(provider, mapping, rules));
        }

        return ExitCodes.Success;
    }

    private static FieldMappingOptions Defaults(string provider) => provider == "hubspot" ? DefaultMappings.HubSpot() : DefaultMappings.Salesforce();
}
