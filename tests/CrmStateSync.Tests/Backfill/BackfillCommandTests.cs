using System.CommandLine;
using CrmStateSync.Commands;
using CrmStateSync.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmStateSync.Tests.Backfill;

/// <summary><c>backfill</c> on the command line: the configured org by default, a sandbox of its own only with --sandbox.</summary>
public class BackfillCommandTests
{
    [Test]
    public async Task Backfill_DryRun_PrintsTheSummaryAndThePlanTable()
    {
        using var folder = new TempFolder();
        var (exit, output) = await RunAsync("--sandbox", "--dry-run", "--accounts", "10", "--db", Path.Combine(folder.Path, "b.db"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
            Assert.That(output, Does.Contain("accounts 10").And.Contain("written 0").And.Contain("(dry run)"));
            Assert.That(output, Does.Contain("plan (nothing written):").And.Contain("CRM value").And.Contain("stageEntryDate:"));
        });
    }

    [Test]
    public async Task Backfill_ThenWritten_ReportsWritesAndTransitionsByStage()
    {
        using var folder = new TempFolder();
        var (exit, output) = await RunAsync("--sandbox", "--crm", "hubspot", "--accounts", "10", "--from", "2026-01-01", "--db", Path.Combine(folder.Path, "b.db"));

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), output);
            Assert.That(output, Does.Contain("accounts 10").And.Contain("transitions by stage:").And.Not.Contain("plan (nothing written)"));
            Assert.That(output, Does.Not.Contain("written 0,"));
        });
    }

    [Test]
    public void Backfill_NoConfigurationAndNoSandbox_IsAConfigurationErrorNotARunAgainstNothing()
    {
        using var folder = new TempFolder();

        var run = CommandRun.Of("backfill", "--config", Path.Combine(folder.Path, "missing.json"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Output, Does.Not.Contain("backfill:"), "nothing was backfilled");
        });
    }

    [Test]
    public void Backfill_FromNotADate_IsAParseError()
    {
        var command = BackfillCommand.Create(TextWriter.Null, TextWriter.Null, NullLoggerFactory.Instance, TimeProvider.System);

        var parse = command.Parse(["--from", "yesterday"]);

        Assert.That(parse.Errors.Select(e => e.Message), Has.Some.Contains("--from: 'yesterday' is not a date"));
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var command = BackfillCommand.Create(output, TextWriter.Null, NullLoggerFactory.Instance, TimeProvider.System);
        var exit = await command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }
}
