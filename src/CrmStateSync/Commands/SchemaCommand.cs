using System.CommandLine;

namespace CrmStateSync.Commands;

/// <summary><c>schema check|provision|reference</c>: the org's fields against the field mapping (sync.md, crm-schema.md).</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock) =>
        new("schema", "Compare the field mapping with the org, provision what is missing, print the field reference")
        {
            SchemaCheckCommand.Create(output, error, clock),
            SchemaProvisionCommand.Create(output, error, clock),
            SchemaReferenceCommand.Create(output, error),
        };

    /// <summary>The <c>--config</c> option every schema subcommand that talks to the org takes.</summary>
    public static Option<FileInfo?> ConfigOption() =>
        new("--config", "-c") { Description = "appsettings file (default ./appsettings.json), then CRMSTATESYNC_ environment variables" };
}
