using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Ports;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmStateSync.Sync.Tests.Engine;

/// <summary>
/// sync.md step 2, which accounts a cycle evaluates — decided by the engine, not the store (issue 14, item 4): the
/// changed ones and those with a transient rejection to retry, or every cached one; never one kept aside.
/// </summary>
public class AccountSelectionTests
{
    private static readonly HashSet<string> NoneAside = [];

    [Test]
    public void Changed_DirtyAndTransientlyRejected_UnionInOrdinalOrderEachOnce()
    {
        var changed = AccountSelection.Changed(["003", "001"], [new RejectedWrite("002", true), new RejectedWrite("001", true), new RejectedWrite("002", true)], NoneAside);

        Assert.That(changed, Is.EqualTo(new[] { "001", "002", "003" }));
    }

    [Test]
    public void Changed_RejectedForGood_IsNotRetried()
    {
        var changed = AccountSelection.Changed(["001"], [new RejectedWrite("004", false)], NoneAside);

        Assert.That(changed, Is.EqualTo(new[] { "001" }), "a validation refusal waits for a change of the account's inputs");
    }

    [Test]
    public void Changed_KeptAside_LeftOutWhetherDirtyOrRejected()
    {
        var changed = AccountSelection.Changed(["001", "003"], [new RejectedWrite("002", true)], new HashSet<string> { "003", "002" });

        Assert.That(changed, Is.EqualTo(new[] { "001" }));
    }

    [Test]
    public void Changed_OrdinalOrder_NotCulture()
    {
        var changed = AccountSelection.Changed(["b", "B", "a", "A"], [], NoneAside);

        Assert.That(changed, Is.EqualTo(new[] { "A", "B", "a", "b" }));
    }

    [Test]
    public void All_EveryCachedAccountLessKeptAside_InTheCachesOrder()
    {
        var all = AccountSelection.All(["002", "001", "003"], new HashSet<string> { "001" });

        Assert.That(all, Is.EqualTo(new[] { "002", "003" }));
    }

    [Test(Description = "The engine evaluates what the selection decides from the store's plain data")]
    public async Task RunCycle_ChangedCycle_EvaluatesDirtyAndTransientlyRejectedLessKeptAside()
    {
        var store = new RecordingStore(["003", "001", "005"]);
        store.Rejected.AddRange([new RejectedWrite("002", true), new RejectedWrite("004", false)]);
        store.KeptAside.Add("005");

        await Engine(store, dailyFullEvaluation: false).RunCycleAsync(CancellationToken.None);

        Assert.That(store.Steps.Where(s => s.Step == "evaluate").Select(s => s.AccountId), Is.EqualTo(new[] { "001", "002", "003" }));
    }

    [Test(Description = "A cycle's daily full evaluation takes every cached account but those kept aside")]
    public async Task RunCycle_DailyFullEvaluation_EvaluatesEveryCachedAccountLessKeptAside()
    {
        var store = new RecordingStore(["003", "001", "005"]);
        store.Rejected.Add(new RejectedWrite("002", true));
        store.KeptAside.Add("005");

        await Engine(store, dailyFullEvaluation: true).RunCycleAsync(CancellationToken.None);

        Assert.That(store.Steps.Where(s => s.Step == "evaluate").Select(s => s.AccountId), Is.EqualTo(new[] { "003", "001" }));
    }

    private static SyncEngine Engine(RecordingStore store, bool dailyFullEvaluation) =>
        new(new AcceptingCrm(), store, RulesEngine.Default,
            new SyncOptions { CreateTasks = false, ReconcileEvery = TimeSpan.Zero, DailyFullEvaluation = dailyFullEvaluation },
            TimeProvider.System, NullLogger<SyncEngine>.Instance);
}
