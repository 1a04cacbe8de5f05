using System.CommandLine;
using CrmStateSync.Crm.Schema;
using CrmStateSync.Hosting;

namespace CrmStateSync.Commands;

/// <summary>
/// <c>schema check [--config FILE] [--format table|json]</c>: describes the objects and compares them with the mapping in
/// effect; exit 0 when the org matches, <see cref="ExitCodes.SchemaMismatch"/> otherwise (auth and outage keep their codes).
/// </summary>
internal static class SchemaCheckCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var config = SchemaCommand.ConfigOption();
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("check", "Compare the field mapping (and the rules' picklist values) with the org's fields") { config, format };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(config), parse.GetValue(format)!, output, error, clock, ct));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? config, string format, TextWriter output, TextWriter error, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            await using var crm = CrmHost.FromConfiguration(config?.FullName, error, clock);
            if (crm is null)
            {
                return ExitCodes.ConfigurationError;
            }

            var report = await SchemaDescriber.CheckAsync(crm.Connector, crm.Expected, ct).ConfigureAwait(false);
            SchemaCheckWriter.Write(output, crm.Provider, report, format);
            return report.IsOk ? ExitCodes.Success : ExitCodes.SchemaMismatch;
        }
        catch (Exception ex) when (Failures.IsKnown(ex))
        {
            return Failures.Report(ex, error);
        }
    }
}
