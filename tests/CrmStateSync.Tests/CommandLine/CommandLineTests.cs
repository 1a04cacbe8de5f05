using System.Text.Json;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.CommandLine;

/// <summary>Issue 13 item 5: a typo gets the closest command, <c>help</c> is a command, help and behaviour agree.</summary>
public class CommandLineTests
{
    [TestCase(new[] { "snyc" }, "'snyc' is not a command of 'crmstatesync'; did you mean 'sync'?")]
    [TestCase(new[] { "conflicts", "lst" }, "'lst' is not a command of 'crmstatesync conflicts'; did you mean 'list'?")]
    [TestCase(new[] { "sync", "--once", "--dryrun" }, "'--dryrun' is not an option of 'crmstatesync sync'; did you mean '--dry-run'?")]
    [TestCase(new[] { "help", "snyc" }, "'snyc' is not a command of 'crmstatesync'; did you mean 'sync'?")]
    public void Run_MistypedWord_SuggestsTheClosestOnStderrAndExitsTwo(string[] args, string expected)
    {
        var run = CommandRun.Of(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.StartWith(expected + Environment.NewLine));
            Assert.That(run.Error, Does.Not.Contain("Unrecognized").And.Not.Contain("Required command"));
            Assert.That(run.Output, Is.Empty);
        }
    }

    // The usage line starts with the executable's name (testhost under the test runner).
    [TestCase(new[] { "help" }, " [command] [options]")]
    [TestCase(new[] { "help", "sync" }, " sync [options]")]
    [TestCase(new[] { "help", "conflicts", "list" }, " conflicts list [options]")]
    public void Help_AloneOrWithACommand_PrintsThatHelpOnStdout(string[] args, string usage)
    {
        var run = CommandRun.Of(args);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Output, Does.Contain("Usage:").And.Contain(usage));
            Assert.That(run.Error, Is.Empty);
        }
    }

    [Test]
    public void Help_Root_ListsTheHelpCommand()
    {
        Assert.That(CommandRun.Of("--help").Output, Does.Contain("help ").And.Contain("Show help for a command"));
    }

    [Test(Description = "sync.md documents `sync --once`; the help says REQUIRED, so sync without it runs nothing")]
    public void Sync_WithoutOnce_RefusesOnStderrAndExitsTwo()
    {
        var run = CommandRun.Of("sync", "--config", "not-read.json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.StartWith("sync needs --once: `sync --once` runs one cycle and exits; the long-running worker is `run`"));
            Assert.That(run.Error, Does.Not.Contain("not-read.json"), "nothing was run, not even the configuration read");
            Assert.That(run.Output, Is.Empty);
        }
    }

    [TestCase("demo")]
    [TestCase("sandbox")]
    [TestCase("backfill")]
    [TestCase("report", "distribution")]
    [TestCase("report", "runs")]
    public void Help_OptionWithADefault_ShowsTheDefaultOnce(params string[] command)
    {
        var help = CommandRun.Of([.. command, "--help"]).Output;

        var twice = help.Split('\n').Where(line => line.Contains("[default:", StringComparison.Ordinal) && line.Contains("(default", StringComparison.Ordinal));
        Assert.That(twice, Is.Empty, help);
    }

    [TestCase("5s", 5)]
    [TestCase("15m", 900)]
    [TestCase("1h", 3600)]
    [TestCase("1h30m", 5400)]
    [TestCase("00:40:00", 2400)]
    public void Health_MaxAgeInAnOperatorsForm_IsThatLimit(string maxAge, int seconds)
    {
        using var folder = new TempFolder();
        var heartbeat = Path.Combine(folder.Path, "heartbeat");
        File.WriteAllText(heartbeat, "beat");
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        File.SetLastWriteTimeUtc(heartbeat, now.AddSeconds(-1).UtcDateTime);
        var config = folder.Write("appsettings.json", JsonSerializer.Serialize(new { Worker = new { HeartbeatPath = heartbeat } }));

        var run = CommandRun.Of(new FixedClock(now), "health", "--config", config, "--max-age", maxAge);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(run.Output.Trim(), Is.EqualTo($"healthy: heartbeat 1s old (limit {seconds}s)"));
        }
    }

    [TestCase("5x")]
    [TestCase("soon")]
    [TestCase("0s")]
    public void Health_MaxAgeNotADuration_NamesTheAcceptedFormsOnStderr(string maxAge)
    {
        var run = CommandRun.Of("health", "--max-age", maxAge);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.StartWith($"--max-age: '{maxAge}' is not a duration such as 30s, 15m, 1h, 2d, 1h30m or hh:mm:ss"));
            Assert.That(run.Error, Does.Not.Contain("System."));
            Assert.That(run.Output, Is.Empty);
        }
    }

    [TestCase("health")]
    [TestCase("run")]
    [TestCase("sync", "--once")]
    [TestCase("backfill")]
    [TestCase("schema", "check")]
    [TestCase("report", "runs")]
    public void Command_ConfigFileMissing_NamesTheFileAndExitsTwo(params string[] command)
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "missing.json");

        var run = CommandRun.Of([.. command, "--config", missing]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ConfigurationError));
            Assert.That(run.Error, Does.Contain($"onfiguration file {missing}").And.Contain("does not exist"));
            Assert.That(run.Error, Does.Not.Contain("unexpected").And.Not.Contain("   at "));
        }
    }
}
