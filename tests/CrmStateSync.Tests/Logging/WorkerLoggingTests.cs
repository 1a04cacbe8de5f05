using CrmStateSync.Logging;
using CrmStateSync.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Tests.Logging;

/// <summary>issue 4: Serilog from configuration for the worker; defaults otherwise.</summary>
public class WorkerLoggingTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Test]
    public void Create_SerilogSection_HonoursItsMinimumLevel()
    {
        using var logging = WorkerLogging.Create(Settings(("Serilog:MinimumLevel:Default", "Warning")), json: true);
        var logger = logging.CreateLogger("CrmStateSync.Sync");

        Assert.Multiple(() =>
        {
            Assert.That(logger.IsEnabled(LogLevel.Information), Is.False);
            Assert.That(logger.IsEnabled(LogLevel.Warning), Is.True);
        });
    }

    [Test]
    public void Create_NoSerilogSection_LogsInformation()
    {
        using var logging = WorkerLogging.Create(Settings(), json: true);

        Assert.That(logging.CreateLogger("CrmStateSync.Sync").IsEnabled(LogLevel.Information), Is.True);
    }

    [Test]
    public void Run_MissingConfigurationFile_IsAConfigurationError()
    {
        var run = CommandRun.Of("run", "--config", "/nonexistent/appsettings.json");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain("does not exist"));
        });
    }
}
