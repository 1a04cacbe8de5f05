using CrmStateSync.Rules.Model;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Backfill;

/// <summary>
/// sync.md <c>backfill</c> end to end against the sandbox through the real connector and SQLite: existing customers get
/// historically accurate entry dates and history; a following normal cycle writes nothing; a dry run writes nothing.
/// </summary>
public class BackfillRunnerTests
{
    [Test]
    public async Task RunAsync_GoLive_WritesHistoricalEntryDatesAndHistoryAndTheNextCycleWritesNothing()
    {
        using var folder = new TempFolder();
        await using var harness = await BackfillHarness.StartAsync(Path.Combine(folder.Path, "backfill.db"));

        var summary = await harness.Runner().RunAsync(null, CancellationToken.None);
        var next = await harness.Engine().RunCycleAsync(CancellationToken.None);

        var id = await harness.KnownIdAsync();
        var crm = (await harness.Port.LoadAsync(id, CancellationToken.None))!.Value.CrmText;
        var history = await harness.Store.TransitionsSinceAsync(DateOnly.MinValue, CancellationToken.None);
        var known = history.Where(t => t.AccountId == id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(summary.Outcome, Is.EqualTo("ok"));
            Assert.That(summary.Accounts, Is.EqualTo(21));
            Assert.That(summary.Written, Is.GreaterThan(0));
            Assert.That(crm["stageEntryDate:Adopting"], Is.EqualTo(BackfillHarness.AdoptingOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                "the historical date, not the backfill day");
            Assert.That(crm["stage"], Is.EqualTo("Adopting"));
            Assert.That(history, Has.Count.EqualTo(summary.Transitions), "every replayed transition is in the history");
            Assert.That(known.Select(t => (t.To, t.On)), Does.Contain(("Adopting", BackfillHarness.AdoptingOn)));
            Assert.That(known.Where(t => t.Reason != "replaced at go-live").Select(t => t.Source), Is.All.EqualTo(StageSource.Backfill));
            Assert.That(known.Where(t => t.Reason == "replaced at go-live").Select(t => t.From), Is.EqualTo(new[] { "Healthy" }), "the CRM's go-live stage");
            Assert.That(next.Summary.Written, Is.Zero, "a following normal cycle writes nothing");
            Assert.That(next.Summary.Transitions, Is.Zero);
        });
    }

    [Test]
    public async Task RunAsync_DryRun_WritesNothingAndReturnsThePlan()
    {
        using var folder = new TempFolder();
        await using var harness = await BackfillHarness.StartAsync(Path.Combine(folder.Path, "backfill.db"), generated: 5, readOnly: true);

        var summary = await harness.Runner().RunAsync(null, CancellationToken.None);

        var id = await harness.KnownIdAsync();
        var crm = (await harness.Port.LoadAsync(id, CancellationToken.None))!.Value.CrmText;
        var knownPlan = summary.Plans.Single(p => p.AccountId == id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary.Written, Is.Zero);
            Assert.That(summary.DryRun, Is.True);
            Assert.That(crm["stage"], Is.EqualTo("Healthy"), "the CRM keeps its go-live value");
            Assert.That(knownPlan.Writes.Single(w => w.Field == "stageEntryDate:Adopting").Value, Is.EqualTo(BackfillHarness.AdoptingOn));
            Assert.That(await harness.Store.TransitionsSinceAsync(DateOnly.MinValue, CancellationToken.None), Is.Empty);
            Assert.That(await harness.Store.RecentRunsAsync(5, CancellationToken.None), Is.Empty);
        }
    }
}
