using CrmStateSync.Crm.Contract;
using CrmStateSync.Sync.DryRun;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Ports;
using CrmStateSync.Sync.Tests.Engine;

namespace CrmStateSync.Sync.Tests.DryRun;

/// <summary>
/// A dry run is a read-only decorator of the store, not a flag (issue 14, item 4): <see cref="ReadOnlySyncStore"/>
/// forwards the reads (and the pull's cache upkeep, as a dry run always did) and swallows every other write; what it
/// withholds (a reconciliation, pending batches, unconfirmed tasks) would make the cycle write or call the CRM.
/// </summary>
public class ReadOnlySyncStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Reads and the pull's cache upkeep: reach the store.</summary>
    private static readonly (string Name, Func<ISyncStore, Task> Call)[] Forwarded =
    [
        ("GetCursorAsync", s => s.GetCursorAsync(CrmObject.Account, None)),
        ("ApplyAsync", s => s.ApplyAsync(Array.Empty<CrmChange<AccountRecord>>(), None)),
        ("ApplyAsync", s => s.ApplyAsync(Array.Empty<CrmChange<OpportunityRecord>>(), None)),
        ("ApplyAsync", s => s.ApplyAsync(Array.Empty<CrmChange<ContactRecord>>(), None)),
        ("ApplyAsync", s => s.ApplyAsync(Array.Empty<CrmChange<UsageRecord>>(), None)),
        ("ReviewPullAsync", s => s.ReviewPullAsync(None)),
        ("DirtyAccountsAsync", s => s.DirtyAccountsAsync(None)),
        ("RejectedWritesAsync", s => s.RejectedWritesAsync(None)),
        ("KeptAsideAccountsAsync", s => s.KeptAsideAccountsAsync(None)),
        ("CachedAccountsAsync", s => s.CachedAccountsAsync(None)),
        ("LastFullEvaluationAsync", s => s.LastFullEvaluationAsync(None)),
        ("LoadAsync", s => s.LoadAsync("a", None)),
        ("LastWrittenFieldsAsync", s => s.LastWrittenFieldsAsync("a", None)),
        ("ConflictsOfAsync", s => s.ConflictsOfAsync("a", None)),
        ("JournalOfAsync", s => s.JournalOfAsync("a", None)),
        ("RunsOfKindAsync", s => s.RunsOfKindAsync("sync", None)),
    ];

    /// <summary>Writes, and the reads a dry run must not act on: never reach the store.</summary>
    private static readonly (string Name, Func<ISyncStore, Task> Call)[] Withheld =
    [
        ("SetCursorAsync", s => s.SetCursorAsync(CrmObject.Account, PullCursor.Start, None)),
        ("AddProblemsAsync", s => s.AddProblemsAsync([], None)),
        ("SupersedeRejectedAsync", s => s.SupersedeRejectedAsync(["a"], None)),
        ("BeginSweepAsync", s => s.BeginSweepAsync(CrmObject.Account, None)),
        ("EndSweepAsync", s => s.EndSweepAsync(CrmObject.Account, None)),
        ("LastReconcileAsync", s => s.LastReconcileAsync(None)),
        ("SetLastReconcileAsync", s => s.SetLastReconcileAsync(DateTimeOffset.UnixEpoch, None)),
        ("SetLastFullEvaluationAsync", s => s.SetLastFullEvaluationAsync(DateOnly.MinValue, None)),
        ("ClearChangedAsync", s => s.ClearChangedAsync(["a"], None)),
        ("SetLastWrittenStageAsync", s => s.SetLastWrittenStageAsync("a", null!, None)),
        ("AppendTransitionsAsync", s => s.AppendTransitionsAsync("a", [], None)),
        ("AddConflictsAsync", s => s.AddConflictsAsync([], DateOnly.MinValue, None)),
        ("BeginBatchAsync", s => s.BeginBatchAsync([], None)),
        ("CompleteBatchAsync", s => s.CompleteBatchAsync(1, [], None)),
        ("PendingBatchesAsync", s => s.PendingBatchesAsync(None)),
        ("TryReserveTaskAsync", s => s.TryReserveTaskAsync(null!, None)),
        ("UnconfirmedTasksAsync", s => s.UnconfirmedTasksAsync(None)),
        ("CloseTaskAsync", s => s.CloseTaskAsync("a", default, None)),
        ("SetTaskIdAsync", s => s.SetTaskIdAsync("a", default, "t", None)),
        ("MarkTasksSentAsync", s => s.MarkTasksSentAsync([], None)),
        ("CompleteTasksAsync", s => s.CompleteTasksAsync([], [], None)),
        ("StartRunAsync", s => s.StartRunAsync("sync", DateTimeOffset.UnixEpoch, None)),
        ("FinishRunAsync", s => s.FinishRunAsync(1, new RunSummary(), None)),
    ];

    private static IEnumerable<TestCaseData> ForwardedCases() => Forwarded.Select(c => new TestCaseData(c.Call, c.Name).SetArgDisplayNames(c.Name));

    private static IEnumerable<TestCaseData> WithheldCases() => Withheld.Select(c => new TestCaseData(c.Call).SetArgDisplayNames(c.Name));

    [TestCaseSource(nameof(ForwardedCases))]
    public async Task Read_ReachesTheStore(Func<ISyncStore, Task> call, string name)
    {
        var (inner, spy) = CallSpy.Of<ISyncStore>();

        await call(new ReadOnlySyncStore(inner));

        Assert.That(spy.Calls, Is.EqualTo(new[] { name }));
    }

    [TestCaseSource(nameof(WithheldCases))]
    public async Task Write_IsSwallowed(Func<ISyncStore, Task> call)
    {
        var (inner, spy) = CallSpy.Of<ISyncStore>();

        await call(new ReadOnlySyncStore(inner));

        Assert.That(spy.Calls, Is.Empty);
    }

    [Test(Description = "Every member of the port is decided one way or the other: a member added later must be too")]
    public void Cases_CoverEveryMemberOfThePort()
    {
        var members = typeof(ISyncStore).GetMethods().Select(m => m.Name).Where(n => n != "get_IsReadOnly").ToHashSet();

        Assert.That(Forwarded.Select(c => c.Name).Concat(Withheld.Select(c => c.Name)).ToHashSet(), Is.EquivalentTo(members));
    }

    [Test]
    public async Task Withheld_AnswersAsIfNothingWereThere()
    {
        var (inner, spy) = CallSpy.Of<ISyncStore>();
        spy.Answer = _ => throw new AssertionException("the store was asked");
        var store = new ReadOnlySyncStore(inner);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.IsReadOnly, Is.True);
            Assert.That(await store.LastReconcileAsync(None), Is.Null, "never reconciled: a dry run does not reconcile");
            Assert.That(await store.PendingBatchesAsync(None), Is.Empty, "nothing to recover");
            Assert.That(await store.UnconfirmedTasksAsync(None), Is.Empty, "nothing to recover");
            Assert.That(await store.TryReserveTaskAsync(null!, None), Is.False, "no task reserved");
            Assert.That(await store.StartRunAsync("sync", DateTimeOffset.UnixEpoch, None), Is.Zero, "no run row");
            Assert.That(await store.BeginBatchAsync([], None), Is.Zero, "nothing journaled");
            Assert.That(await store.EndSweepAsync(CrmObject.Account, None), Is.Zero, "nothing removed");
        }
    }

    [Test]
    public async Task Reads_AnswerWhatTheStoreHolds()
    {
        var recording = new RecordingStore(["001A", "001B"]);
        var store = new ReadOnlySyncStore(recording);

        var dirty = await store.DirtyAccountsAsync(None);
        var loaded = await store.LoadAsync("001A", None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dirty, Is.EqualTo(new[] { "001A", "001B" }));
            Assert.That(loaded?.Snapshot.Id, Is.EqualTo("001A"));
            Assert.That(recording.Steps, Is.EqualTo(new[] { ("evaluate", "001A") }));
            Assert.That(((ISyncStore)recording).IsReadOnly, Is.False, "a store is writable unless it says otherwise");
        }
    }
}
