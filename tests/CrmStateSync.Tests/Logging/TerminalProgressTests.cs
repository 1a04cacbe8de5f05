using CrmStateSync.Hosting;
using CrmStateSync.Logging;
using CrmStateSync.Sync.Progress;

namespace CrmStateSync.Tests.Logging;

/// <summary>
/// issue 13 "Progress" on a terminal: the live line's text (the drawing itself needs a terminal, which tests do not
/// have: their stderr is redirected, so <see cref="TerminalProgress.StandardError"/> is null there).
/// </summary>
public class TerminalProgressTests
{
    [Test(Description = "Progress: with a known total the line shows a bar, the share, done/total and the rate")]
    public void Format_KnownTotal_ShowsBarShareCountsAndRate()
    {
        var line = TerminalProgress.Format(new ProgressUpdate("sync", "evaluate", 2_500, 5_000), 812.5, width: 120);

        Assert.That(line, Is.EqualTo("[green][[##########----------]]  50%[/] sync evaluate 2,500/5,000 (812.5/s)"));
    }

    [Test(Description = "Progress: a read without a known total shows the count so far and the rate")]
    public void Format_UnknownTotal_ShowsCountAndRate()
    {
        var line = TerminalProgress.Format(new ProgressUpdate("sync", "read accounts", 12_000, null), 3_000, width: 120);

        Assert.That(line, Is.EqualTo("sync read accounts 12,000 (3,000.0/s)"));
    }

    [Test(Description = "Progress: the line never wraps (a wrapped line cannot be redrawn in place)")]
    public void Format_NarrowTerminal_CutsToTheWidth()
    {
        var line = TerminalProgress.Format(new ProgressUpdate("backfill", "replay", 1, 100_000), 1, width: 20);

        Assert.That(line, Has.Length.LessThan(20));
    }

    [Test]
    public void Redirected_StandardError_HasNoLiveLine() => Assert.That(TerminalProgress.StandardError, Is.Null);

    [Test(Description = "Fail fast on configuration: a negative Worker:ProgressInterval is named with its value")]
    public void WorkerOptions_NegativeProgressInterval_IsAProblemNamingTheKey()
    {
        var options = new WorkerOptions { Provider = "salesforce", OrgId = "org", ProgressInterval = TimeSpan.FromSeconds(-1) };

        Assert.That(options.Validate(), Has.Some.StartsWith("Worker:ProgressInterval:").And.Some.Contains("-00:00:01"));
    }
}
