using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Sync.Backfill;
using CrmStateSync.Sync.DryRun;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Progress;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmStateSync.Sync.Tests.Engine;

/// <summary>
/// A sync cycle and a backfill share one run frame (issue 14, item 4): progress opened and closed, a run row opened at
/// the start on the worker's clock and closed with the summary — none in a dry run.
/// </summary>
public class CycleRunTests
{
    private static readonly string[] Accounts = ["00100001", "00100002", "00100003"];

    [TestCase("sync")]
    [TestCase("backfill")]
    public async Task Run_RunRowOpenedAtTheClocksStartAndClosedWithTheSummary(string kind)
    {
        var store = new RecordingStore(Accounts);
        var clock = new SteppingClock();
        var progress = new Recorded();

        var (started, finished, outcome) = await RunAsync(kind, store, clock, progress, dryRun: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.RunsStarted, Is.EqualTo(new[] { (kind, SteppingClock.Start) }), "opened once, at the clock's first reading");
            Assert.That(started, Is.EqualTo(SteppingClock.Start));
            Assert.That((store.Finished?.StartedAt, store.Finished?.FinishedAt, store.Finished?.Outcome), Is.EqualTo(((DateTimeOffset?)started, (DateTimeOffset?)finished, outcome)));
            Assert.That(finished, Is.GreaterThan(started), "the finish is a later reading of the same clock");
            Assert.That(progress.Updates.First(), Is.EqualTo(ProgressUpdate.Started(kind)));
            Assert.That(progress.Updates.Last(), Is.EqualTo(ProgressUpdate.Finished(kind)));
        }
    }

    [TestCase("sync")]
    [TestCase("backfill")]
    public async Task Run_DryRun_NoRunRowNothingRecorded(string kind)
    {
        var store = new RecordingStore(Accounts);
        var progress = new Recorded();

        await RunAsync(kind, store, new SteppingClock(), progress, dryRun: true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((store.RunsStarted.Count, store.Finished), Is.EqualTo((0, (RunSummary?)null)));
            Assert.That(store.Steps.Select(s => s.Step).Distinct(), Is.EqualTo(new[] { "evaluate" }));
            Assert.That(progress.Updates.Select(u => u.Phase).Where(p => p is ProgressUpdate.StartedPhase or ProgressUpdate.FinishedPhase),
                Is.EqualTo(new[] { ProgressUpdate.StartedPhase, ProgressUpdate.FinishedPhase }));
        }
    }

    private static async Task<(DateTimeOffset Started, DateTimeOffset Finished, string Outcome)> RunAsync(string kind, RecordingStore store, TimeProvider clock, Recorded progress, bool dryRun)
    {
        var options = new SyncOptions { CreateTasks = false, ReconcileEvery = TimeSpan.Zero };
        // A dry run is a read-only store (and connector), as the composition gives it.
        var port = dryRun ? new ReadOnlySyncStore(store) : (Ports.ISyncStore)store;
        var crm = dryRun ? new ReadOnlyCrmConnector(new AcceptingCrm()) : (Crm.Contract.ICrmConnector)new AcceptingCrm();
        if (kind == "sync")
        {
            var result = await new SyncEngine(crm, port, RulesEngine.Default, options, clock, NullLogger<SyncEngine>.Instance, progress)
                .RunCycleAsync(CancellationToken.None);
            return (result.Summary.StartedAt, result.Summary.FinishedAt, result.Summary.Outcome);
        }

        var summary = await new BackfillRunner(crm, port, RulesEngine.Default, options, clock, NullLogger<BackfillRunner>.Instance, progress)
            .RunAsync(null, CancellationToken.None);
        return (store.Finished?.StartedAt ?? default, store.Finished?.FinishedAt ?? default, summary.Outcome);
    }

    /// <summary>A clock that moves one second on at each reading.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        public static readonly DateTimeOffset Start = new(2024, 6, 1, 6, 0, 0, TimeSpan.Zero);
        private int _readings;

        public override DateTimeOffset GetUtcNow() => Start.AddSeconds(_readings++);
    }

    private sealed class Recorded : IProgress<ProgressUpdate>
    {
        public List<ProgressUpdate> Updates { get; } = [];

        public void Report(ProgressUpdate value) => Updates.Add(value);
    }
}
