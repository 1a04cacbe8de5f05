using System.Text.RegularExpressions;
using CrmStateSync.Store;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary>
/// The embedded default end to end: the real executable, the loopback sandbox, the real connector over HTTP, the real
/// SQLite file. sync.md: "A second cycle with nothing changed in the CRM writes nothing."
/// </summary>
public class DemoCommandTests
{
    [TestCase("salesforce")]
    [TestCase("hubspot")]
    public async Task Demo_TwoCycles_WritesEveryAccountOnceThenNothing(string crm)
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "demo.db");

        var run = CommandRun.Of("demo", "--crm", crm, "--accounts", "40", "--db", db);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        var first = Counts(run.Output, "first cycle");
        var second = Counts(run.Output, "second cycle");
        Assert.Multiple(() =>
        {
            Assert.That(first["evaluated"], Is.EqualTo(40));
            Assert.That(first["written"], Is.GreaterThan(0).And.LessThanOrEqualTo(40));
            Assert.That(first["rejected"], Is.Zero);
            Assert.That(second["written"], Is.Zero, "nothing changed in the CRM but the worker's own echo");
            Assert.That(second["transitions"], Is.Zero);
            Assert.That(run.Output, Does.Contain($"through the real {crm} connector").And.Contain(db));
        });

        await using var store = await SqliteSyncStore.OpenAsync(db, "demo", crm);
        var history = await store.TransitionsSinceAsync(DateOnly.MinValue, CancellationToken.None);
        var runs = await store.RecentRunsAsync(5, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(history, Has.Count.EqualTo(first["transitions"]), "every transition of the first cycle is in the history");
            Assert.That(runs, Has.Count.EqualTo(2));
            Assert.That(runs.Select(r => r.Outcome), Is.All.EqualTo("ok"));
            Assert.That(runs.Sum(r => r.Counts.Written), Is.EqualTo(first["written"]));
        });
    }

    [Test]
    public async Task Demo_SameFileAgain_IsRefusedForAnotherCrm()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "demo.db");
        Assert.That(CommandRun.Of("demo", "--accounts", "10", "--db", db).ExitCode, Is.EqualTo(ExitCodes.Success));

        var ex = Assert.ThrowsAsync<StoreMismatchException>(async () => await SqliteSyncStore.OpenAsync(db, "demo", "hubspot"));

        Assert.That(ex!.Message, Does.Contain("salesforce").And.Contain("hubspot"));
    }

    private static Dictionary<string, int> Counts(string output, string line)
    {
        var text = output.Split('\n').Single(l => l.StartsWith(line, StringComparison.Ordinal));
        return Regex.Matches(text, @"(?<name>[a-z]+) (?<n>\d+)")
            .ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
