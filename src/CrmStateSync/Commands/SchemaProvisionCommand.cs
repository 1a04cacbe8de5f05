using System.CommandLine;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Metadata;
using CrmStateSync.Crm.Schema;
using CrmStateSync.Hosting;

namespace CrmStateSync.Commands;

/// <summary>
/// <c>schema provision [--config FILE] [--dry-run] [--output DIR]</c>: HubSpot — creates the missing properties (and the
/// <c>crmstatesync</c> group) and options through the API, then checks again; Salesforce — writes a deployable metadata
/// package to <c>--output</c>. Exit 0 when nothing is left to do, <see cref="ExitCodes.SchemaMismatch"/> when manual steps remain.
/// </summary>
internal static class SchemaProvisionCommand
{
    public const string DefaultOutput = "deploy/salesforce";

    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var config = SchemaCommand.ConfigOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be created; change nothing" };
        var dir = new Option<DirectoryInfo?>("--output", "-o") { Description = $"Salesforce: where the metadata package goes (default {DefaultOutput})" };
        var command = new Command("provision", "HubSpot: create the properties and options the schema check finds missing, through the API. Salesforce: write the whole metadata package for the mapping (deploy it with sf project deploy start)") { config, dryRun, dir };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(config), parse.GetValue(dryRun), parse.GetValue(dir)?.FullName ?? DefaultOutput, output, error, clock, ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? config, bool dryRun, string dir, TextWriter output, TextWriter error, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            await using var crm = CrmHost.FromConfiguration(config?.FullName, error, clock);
            return crm is null ? ExitCodes.ConfigurationError
                : crm.Provisioner is { } provisioner ? await ProvisionAsync(crm, provisioner, dryRun, output, ct).ConfigureAwait(false)
                : WritePackage(crm, dryRun, dir, output);
        }
        catch (Exception ex) when (Failures.IsKnown(ex))
        {
            return Failures.Report(ex, error);
        }
    }

    private static async Task<int> ProvisionAsync(CrmHost crm, ISchemaProvisioner provisioner, bool dryRun, TextWriter output, CancellationToken ct)
    {
        var report = await SchemaDescriber.CheckAsync(crm.Connector, crm.Expected, ct).ConfigureAwait(false);
        var steps = await provisioner.ProvisionAsync(report, dryRun, ct).ConfigureAwait(false);
        foreach (var step in steps)
        {
            output.WriteLine(step.ToString());
        }

        var left = steps.Count(s => s.Outcome is ProvisionOutcome.Manual or ProvisionOutcome.Failed);
        if (dryRun)
        {
            output.WriteLine($"dry run: {steps.Count(s => s.Outcome == ProvisionOutcome.Planned)} change(s) planned, {left} manual step(s); nothing was changed");
            return left == 0 ? ExitCodes.Success : ExitCodes.SchemaMismatch;
        }

        var after = await SchemaDescriber.CheckAsync(crm.Connector, crm.Expected, ct).ConfigureAwait(false);
        output.WriteLine(after.IsOk ? "the org now matches the mapping" : $"{after.Problems.Count} problem(s) left; see the manual steps above and run `schema check`");
        return after.IsOk ? ExitCodes.Success : ExitCodes.SchemaMismatch;
    }

    private static int WritePackage(CrmHost crm, bool dryRun, string dir, TextWriter output)
    {
        var files = MetadataPackage.Generate(crm.Expected, crm.SalesforceApiVersion);
        foreach (var file in files)
        {
            output.WriteLine($"{(dryRun ? "would write" : "wrote")} {Path.Combine(dir, file.Path)}");
        }

        if (!dryRun)
        {
            MetadataPackage.Write(files, dir);
            output.WriteLine($"deploy: cd {dir} && sf project deploy start --source-dir force-app --target-org <alias>");
            output.WriteLine($"then:   sf org assign permset --name {MetadataPackage.PermissionSetName} --on-behalf-of <integration user> --target-org <alias>");
            output.WriteLine("note:   deploying replaces the definition of a field that already exists (its picklist values included); check `schema check` first");
        }

        return ExitCodes.Success;
    }
}
