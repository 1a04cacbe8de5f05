using CrmStateSync.Sandbox.Salesforce;

namespace CrmStateSync.Tests.Crash;

public partial class CrashRecoveryTests
{
    /// <summary>
    /// A cycle settles 1,000 accounts at a time (writes, then their changed marks) and moves the cursors only at the end.
    /// Killed after the first chunk settled, before the second chunk's write landed: the restart re-reads from the old
    /// cursors, leaves the settled chunk alone and finishes the rest — as an uninterrupted run.
    /// </summary>
    [Test]
    public async Task SyncOnce_KilledBetweenTwoChunks_RestartFinishesTheRestAndEndsAsAnUninterruptedRun()
    {
        await using var reference = await CrashOrg.StartAsync(accounts: 1_100, usageDays: 14);
        await using var crashed = await CrashOrg.StartAsync(accounts: 1_100, usageDays: 14);
        var uninterrupted = await WorkerProcess.RunSyncOnceAsync(reference.Config);

        var appliedAtKill = await KillDuringWriteAsync(crashed, letThrough: 5);
        var restart = await WorkerProcess.RunSyncOnceAsync(crashed.Config);
        var third = await WorkerProcess.RunSyncOnceAsync(crashed.Config);
        var expected = await reference.ReadStateAsync();
        var actual = await crashed.ReadStateAsync();

        var (intended, writes) = (reference.Salesforce.Writes.AppliedIds, crashed.Salesforce.Writes);
        Assert.Multiple(() =>
        {
            Assert.That(uninterrupted.ExitCode, Is.Zero, uninterrupted.Printed);
            Assert.That(reference.Salesforce.Writes.Requests, Is.EqualTo(6), "five writes for the first chunk, one for the second");
            Assert.That(appliedAtKill, Is.EqualTo(1_000), "the first chunk had landed when the worker was killed");
            Assert.That(restart.ExitCode, Is.Zero, restart.Printed);
            Assert.That(writes.AppliedIds, Is.EquivalentTo(intended));
            Assert.That(intended.Select(id => (id, writes.Applied(id), writes.Changed(id))), Is.All.Matches<(string, int Applied, int Changed)>(w => w is { Applied: 1, Changed: 1 }),
                "each intended write landed exactly once: the settled chunk was not written again");
            Assert.That(actual.Accounts, Is.EqualTo(expected.Accounts), "every account holds the values an uninterrupted run computes");
            Assert.That(actual.Transitions, Is.EqualTo(expected.Transitions).And.Unique, "each transition recorded once, none lost");
            Assert.That(actual.PendingWrites, Is.Zero);
            Assert.That(third.Printed, Does.Contain("written 0,"), "a third cycle has nothing to write");
        });
    }

    /// <summary>Starts <c>sync --once</c>, lets <paramref name="letThrough"/> composite updates land, kills the worker
    /// while the next one is held before it applies, and returns how many record updates had landed.</summary>
    private static async Task<int> KillDuringWriteAsync(CrashOrg org, int letThrough)
    {
        var hold = org.Salesforce.HoldWrite(letThrough, HoldPoint.BeforeApply);
        using var worker = WorkerProcess.SyncOnce(org.Config);
        var exited = worker.WaitAsync();
        var first = await Task.WhenAny(hold.Arrived, exited).WaitAsync(WorkerProcess.Timeout);
        Assert.That(first, Is.SameAs(hold.Arrived), () => "the worker ended before the held write:" + Environment.NewLine + worker.Printed);
        var applied = org.AppliedTotal();
        await worker.KillAsync();
        return applied;
    }
}
