using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Sync.DryRun;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Tests.Engine;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmStateSync.Sync.Tests.DryRun;

/// <summary>
/// The engine learns a dry run from its store (issue 14, item 4), not from a flag: over a read-only store it plans and
/// settles nothing; <see cref="SyncEngine.PlanAccountsAsync"/> (<c>sync --dry-run --account</c>) needs one.
/// </summary>
public class DryRunEngineTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public void PlanAccounts_OverAWritableStore_Refused()
    {
        var engine = new SyncEngine(new AcceptingCrm(), new RecordingStore(["001A"]), RulesEngine.Default, new SyncOptions(), TimeProvider.System, NullLogger<SyncEngine>.Instance);

        Assert.ThrowsAsync<InvalidOperationException>(() => engine.PlanAccountsAsync(["001A"], None));
    }

    [Test]
    public async Task PlanAccounts_OverAReadOnlyStore_EvaluatesTheAccountAndRecordsNothing()
    {
        var recording = new RecordingStore(["001A", "001B"]);
        var engine = new SyncEngine(new ReadOnlyCrmConnector(new AcceptingCrm()), new ReadOnlySyncStore(recording), RulesEngine.Default,
            new SyncOptions { CreateTasks = false, ReconcileEvery = TimeSpan.Zero }, TimeProvider.System, NullLogger<SyncEngine>.Instance);

        var plan = await engine.PlanAccountsAsync(["001B"], None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Accounts.Select(a => a.AccountId), Is.EqualTo(new[] { "001B" }));
            Assert.That(plan.Summary.DryRun, Is.True);
            Assert.That(recording.Steps, Is.EqualTo(new[] { ("evaluate", "001B") }), "loaded, nothing recorded, journaled or cleared");
            Assert.That((recording.RunsStarted.Count, recording.CursorsSet.Count, recording.Problems.Count), Is.EqualTo((0, 0, 0)));
        }
    }
}
