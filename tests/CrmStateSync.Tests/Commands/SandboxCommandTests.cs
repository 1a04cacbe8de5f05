using CrmStateSync.Commands;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary>`sandbox`: the loopback CRM on its own, with a configuration the operator commands accept as an org.</summary>
public class SandboxCommandTests
{
    [TestCase("salesforce")]
    [TestCase("hubspot")]
    public async Task Sandbox_WrittenConfiguration_IsAnOrgThatSyncOnceWritesInto(string crm)
    {
        using var folder = new TempFolder();
        var config = new FileInfo(Path.Combine(folder.Path, "sandbox.appsettings.json"));
        using var output = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // The real clock on both sides: the sandbox stamps changes with it and the HubSpot connector's search windows end at "now".
        var sandbox = SandboxCommand.RunAsync(new SandboxCommand.SandboxRun(crm, 0, 12, 30, config), output, TextWriter.Null, TimeProvider.System, stop.Token);
        await WaitForAsync(config);
        var text = (await File.ReadAllTextAsync(config.FullName)).Replace("state/sandbox-", (folder.Path + "/sandbox-").Replace("\\", "/", StringComparison.Ordinal), StringComparison.Ordinal);
        await File.WriteAllTextAsync(config.FullName, text);

        var first = CommandRun.Of(TimeProvider.System, "sync", "--once", "--config", config.FullName);
        var second = CommandRun.Of(TimeProvider.System, "sync", "--once", "--config", config.FullName);
        await stop.CancelAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await sandbox, Is.Zero, "stopping it is the normal end");
            Assert.That(output.ToString(), Does.Contain($"Sandbox {crm} listening on http://127.0.0.1:"));
            Assert.That(first.ExitCode, Is.Zero, first.Error);
            Assert.That(first.Output, Does.Match("written [1-9]"));
            Assert.That(second.Output, Does.Contain("written 0"));
        }
    }

    [Test]
    public async Task Sandbox_HubSpotWithSchemaGaps_CheckFailsUntilProvisionCreatesTheProperties()
    {
        using var folder = new TempFolder();
        var config = new FileInfo(Path.Combine(folder.Path, "sandbox.appsettings.json"));
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var run = new SandboxCommand.SandboxRun("hubspot", 0, 5, 7, config) { SchemaGaps = true };
        var sandbox = SandboxCommand.RunAsync(run, TextWriter.Null, TextWriter.Null, TimeProvider.System, stop.Token);
        await WaitForAsync(config);

        var before = CommandRun.Of(TimeProvider.System, "schema", "check", "--config", config.FullName);
        var provision = CommandRun.Of(TimeProvider.System, "schema", "provision", "--config", config.FullName);
        var after = CommandRun.Of(TimeProvider.System, "schema", "check", "--config", config.FullName);
        await stop.CancelAsync();
        await sandbox;

        Assert.Multiple(() =>
        {
            Assert.That(before.ExitCode, Is.EqualTo(ExitCodes.SchemaMismatch), before.Output);
            Assert.That(before.Output, Does.Contain("cs_lifecycle_stage").And.Contain("MISSING"));
            Assert.That(provision.Output, Does.Contain("CreateField companies.cs_lifecycle_stage"), provision.Output + provision.Error);
            Assert.That(after.ExitCode, Is.EqualTo(ExitCodes.Success), after.Output);
        });
    }

    [Test]
    public void Sandbox_BadPort_IsAConfigurationError()
    {
        var run = CommandRun.Of("sandbox", "--port", "70000");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("--port must be 0-65535"), "an error goes to stderr");
            Assert.That(run.Output, Is.Empty);
        });
    }

    private static async Task WaitForAsync(FileInfo file)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!File.Exists(file.FullName) || new FileInfo(file.FullName).Length == 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
