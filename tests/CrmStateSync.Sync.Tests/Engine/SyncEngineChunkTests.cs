using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Sync.Engine;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmStateSync.Sync.Tests.Engine;

/// <summary>
/// sync.md "per chunk of accounts": the accounts to evaluate are taken <see cref="SyncOptions.ChunkSize"/> at a time, and
/// each chunk is settled — its writes journaled and confirmed, its changed marks cleared — before the next is evaluated,
/// so a graceful stop (looked at between chunks) ends the cycle after the chunk in progress.
/// </summary>
public class SyncEngineChunkTests
{
    private static readonly string[] Accounts = [.. Enumerable.Range(1, 2_500).Select(i => $"001{i:D5}")];

    [Test]
    public async Task RunCycle_2500AccountsInChunksOf1000_ThreeChunksEachSettledBeforeTheNextIsEvaluated()
    {
        var store = new RecordingStore(Accounts);

        var result = await Engine(store, new AcceptingCrm(), chunkSize: 1_000).RunCycleAsync(CancellationToken.None);

        var chunks = EvaluatedChunks(store);
        var at = store.Steps.Select((s, i) => (s, i)).GroupBy(x => x.s).ToDictionary(g => g.Key, g => g.Last().i);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks.Select(c => c.Count), Is.EqualTo(new[] { 1_000, 1_000, 500 }));
            Assert.That(chunks.SelectMany(c => c), Is.EqualTo(Accounts), "every account once, in order");
            for (var k = 0; k + 1 < chunks.Count; k++)
            {
                var nextEvaluated = at[("evaluate", chunks[k + 1][0])];
                foreach (var step in (string[])["journal", "confirm", "clear"])
                {
                    Assert.That(chunks[k].Max(id => at.GetValueOrDefault((step, id), int.MaxValue)), Is.LessThan(nextEvaluated),
                        $"every account of chunk {k + 1} is {step}ed before chunk {k + 2} is evaluated");
                }
            }

            Assert.That((result.Summary.Outcome, result.Summary.Evaluated, result.Summary.Written), Is.EqualTo(("ok", 2_500, 2_500)));
            Assert.That(store.CursorsSet, Is.Not.Empty, "the cycle finished: its cursors advance");
        }
    }

    [TestCase(1, 2_500)]
    [TestCase(2_499, 2)]
    [TestCase(2_500, 1)]
    [TestCase(10_000, 1)]
    public async Task RunCycle_ChunkSize_EvaluatesInCeilingOfAccountsOverChunkSizeChunks(int chunkSize, int expected)
    {
        var store = new RecordingStore(Accounts);

        // Writes of one: each chunk's writes are sent with it, so the chunks show as separate runs of evaluations.
        await Engine(store, new AcceptingCrm(), chunkSize, writeChunk: 1).RunCycleAsync(CancellationToken.None);

        Assert.That(EvaluatedChunks(store), Has.Count.EqualTo(expected));
    }

    [Test]
    public async Task RunCycle_StopAskedDuringTheFirstChunk_EndsAfterThatChunkIsSettled()
    {
        var store = new RecordingStore(Accounts);
        using var stop = new CancellationTokenSource();
        var crm = new AcceptingCrm { OnWrite = stop.Cancel };

        var result = await Engine(store, crm, chunkSize: 1_000).RunCycleAsync(stop.Token, CancellationToken.None);

        var first = Accounts[..1_000];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(EvaluatedChunks(store).SelectMany(c => c), Is.EqualTo(first), "only the chunk in progress is evaluated");
            Assert.That(store.Steps.Where(s => s.Step == "confirm").Select(s => s.AccountId), Is.EqualTo(first), "all of its writes confirmed, none of the rest sent");
            Assert.That(store.Steps.Where(s => s.Step == "clear").Select(s => s.AccountId), Is.EquivalentTo(first), "its changed marks cleared, the rest kept");
            Assert.That((result.Summary.Outcome, result.Summary.Evaluated, result.Summary.Written), Is.EqualTo(("stopped", 1_000, 1_000)));
            Assert.That(store.CursorsSet, Is.Empty, "a stopped cycle leaves its cursors: the next one resumes the rest");
            Assert.That(store.Finished?.Outcome, Is.EqualTo("stopped"));
        }
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void Validate_ChunkSizeBelowOne_NamesTheKeyAndTheValue(int chunkSize) =>
        Assert.That(new SyncOptions { ChunkSize = chunkSize }.Validate("Sync"), Is.EqualTo(new[] { $"Sync:ChunkSize: must be at least 1 (was {chunkSize})" }));

    [Test]
    public void ChunkSize_Default_Is1000() => Assert.That(new SyncOptions().ChunkSize, Is.EqualTo(1_000));

    /// <summary>
    /// An engine with no tasks and no reconciliation read; writes of 100 by default (a chunk of 1,000 or 500 fills whole
    /// batches: the settler holds back only writes short of a full batch).
    /// </summary>
    private static SyncEngine Engine(RecordingStore store, AcceptingCrm crm, int chunkSize, int writeChunk = 100) =>
        new(crm, store, RulesEngine.Default, new SyncOptions { ChunkSize = chunkSize, WriteChunk = writeChunk, CreateTasks = false, ReconcileEvery = TimeSpan.Zero },
            new FixedClock(), NullLogger<SyncEngine>.Instance);

    /// <summary>The accounts evaluated, grouped into runs of evaluations with no other step between them.</summary>
    private static List<List<string>> EvaluatedChunks(RecordingStore store)
    {
        var chunks = new List<List<string>>();
        var previous = "";
        foreach (var (step, id) in store.Steps)
        {
            if (step == "evaluate")
            {
                if (previous != "evaluate")
                {
                    chunks.Add([]);
                }

                chunks[^1].Add(id);
            }

            previous = step;
        }

        return chunks;
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2024, 6, 1, 6, 0, 0, TimeSpan.Zero);
    }
}
