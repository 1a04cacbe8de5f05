using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Sync.DryRun;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmStateSync.Sync.Tests.Engine;

/// <summary>
/// Evaluation computes, a settle step persists (issue 14, item 4): what an evaluation decided (transitions, conflicts,
/// the worker's own stage) is recorded when its chunk is settled — after the chunk is evaluated, before its writes are
/// journaled — never during evaluation and never in a dry run; a failure recording one account is that account's problem.
/// </summary>
public class SyncEngineSettleTests
{
    private static readonly string[] Accounts = [.. Enumerable.Range(1, 250).Select(i => $"001{i:D5}")];

    [Test]
    public async Task RunCycle_EachChunk_RecordedAfterItIsEvaluatedAndBeforeItsWritesAreJournaled()
    {
        var store = new RecordingStore(Accounts);

        await Engine(store, chunkSize: 100).RunCycleAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Steps.Where(s => s.Step == "record").Select(s => s.AccountId), Is.EqualTo(Accounts), "every account recorded once, in order");
            foreach (var chunk in Accounts.Chunk(100))
            {
                var evaluated = Last(store, "evaluate", chunk);
                var recorded = (First(store, "record", chunk), Last(store, "record", chunk));
                Assert.That(recorded.Item1, Is.GreaterThan(evaluated), $"chunk {chunk[0]}: recorded once all of it is evaluated");
                Assert.That(recorded.Item2, Is.LessThan(First(store, "journal", chunk)), $"chunk {chunk[0]}: recorded before its writes are journaled");
            }
        }
    }

    [Test]
    public async Task RunCycle_DryRun_RecordsNothing()
    {
        var store = new RecordingStore(Accounts);

        var result = await Engine(new ReadOnlySyncStore(store), chunkSize: 100).RunCycleAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Steps.Select(s => s.Step).Distinct(), Is.EqualTo(new[] { "evaluate" }));
            Assert.That(result.Accounts.Select(a => a.Records.Transitions.Count), Is.All.GreaterThan(0), "the plan still carries what a real cycle would record");
        }
    }

    [Test]
    public async Task RunCycle_RecordingOneAccountFails_ThatAccountsProblemNotTheCycles()
    {
        var store = new RecordingStore(Accounts) { FailRecordOf = Accounts[42] };

        var result = await Engine(store, chunkSize: 100).RunCycleAsync(CancellationToken.None);

        var others = Accounts.Where(id => id != Accounts[42]).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.Problems.Select(p => (p.RecordId, p.Field, p.KeptAside)), Is.EqualTo(new[] { (Accounts[42], RecordProblem.Evaluation, false) }));
            Assert.That(store.Problems[0].Message, Does.StartWith("could not be evaluated: simulated failure"));
            Assert.That(store.Steps.Where(s => s.Step == "journal").Select(s => s.AccountId), Is.EqualTo(others), "its write is not sent");
            Assert.That(store.Steps.Where(s => s.Step == "clear").Select(s => s.AccountId), Is.EquivalentTo(others), "it keeps its changed mark: tried again next cycle");
            Assert.That((result.Summary.Outcome, result.Summary.Evaluated, result.Summary.Problems, result.Summary.Written), Is.EqualTo(("partial", 249, 1, 249)));
        }
    }

    private static int First(RecordingStore store, string step, string[] chunk) => store.Steps.FindIndex(s => s.Step == step && chunk.Contains(s.AccountId));

    private static int Last(RecordingStore store, string step, string[] chunk) => store.Steps.FindLastIndex(s => s.Step == step && chunk.Contains(s.AccountId));

    private static SyncEngine Engine(ISyncStore store, int chunkSize) =>
        new(new AcceptingCrm(), store, RulesEngine.Default, new SyncOptions { ChunkSize = chunkSize, WriteChunk = 50, CreateTasks = false, ReconcileEvery = TimeSpan.Zero },
            TimeProvider.System, NullLogger<SyncEngine>.Instance);
}
