using CrmStateSync.Sandbox.Salesforce;

namespace CrmStateSync.Tests.Crash;

/// <summary>
/// sync.md "Checkpoint": the worker process killed (SIGKILL) in the middle of its first write, then restarted, ends
/// exactly where an uninterrupted run of the same org ends — every write landed once, no transition or conflict lost,
/// no task duplicated, nothing left pending — and a further cycle writes nothing.
/// </summary>
public partial class CrashRecoveryTests
{
    [TestCase(HoldPoint.BeforeApply, TestName = "SyncOnce_KilledBeforeTheCrmAppliedTheWrite_RestartWritesEachRecordOnceAndLosesNothing")]
    [TestCase(HoldPoint.AfterApply, TestName = "SyncOnce_KilledAfterTheCrmAppliedTheWrite_RestartConfirmsWithoutResendingAndLosesNothing")]
    public async Task SyncOnce_KilledDuringTheFirstWrite_EndsAsAnUninterruptedRun(HoldPoint killPoint)
    {
        await using var reference = await CrashOrg.StartAsync();
        await using var crashed = await CrashOrg.StartAsync();
        var uninterrupted = await WorkerProcess.RunSyncOnceAsync(reference.Config);

        var appliedAtKill = await KillDuringFirstWriteAsync(crashed, killPoint);
        var restart = await WorkerProcess.RunSyncOnceAsync(crashed.Config);
        var requestsAfterRestart = crashed.Salesforce.Writes.Requests;
        var third = await WorkerProcess.RunSyncOnceAsync(crashed.Config);
        var expected = await reference.ReadStateAsync();
        var actual = await crashed.ReadStateAsync();

        var intended = reference.Salesforce.Writes.AppliedIds;
        var writes = crashed.Salesforce.Writes;
        Assert.Multiple(() =>
        {
            Assert.That(uninterrupted.ExitCode, Is.Zero, uninterrupted.Printed);
            Assert.That(intended, Is.Not.Empty, "the seed needs writes for the test to mean anything");
            Assert.That(appliedAtKill, killPoint == HoldPoint.BeforeApply ? Is.Zero : Is.EqualTo(intended.Count), "what the killed attempt left in the CRM");
            Assert.That(restart.ExitCode, Is.Zero, restart.Printed);
            Assert.That(writes.AppliedIds, Is.EquivalentTo(intended), "the records written are those an uninterrupted run writes");
            Assert.That(intended.Select(id => (id, writes.Applied(id), writes.Changed(id))), Is.All.Matches<(string, int Applied, int Changed)>(w => w is { Applied: 1, Changed: 1 }), "each intended write landed exactly once");
            Assert.That(intended.Select(id => (id, writes.Requested(id))), Is.All.Matches<(string, int Requested)>(w => w.Requested == (killPoint == HoldPoint.BeforeApply ? 2 : 1)),
                "resent only when the killed attempt did not land (at most once more than needed)");
            Assert.That(actual.Accounts, Is.EqualTo(expected.Accounts), "every account holds the values an uninterrupted run computes");
            Assert.That(expected.Transitions, Is.Not.Empty, "the first cycle records transitions");
            Assert.That(actual.Transitions, Is.EqualTo(expected.Transitions).And.Unique, "each transition recorded once, none lost");
            Assert.That(actual.Conflicts, Is.EqualTo(expected.Conflicts), "no conflict lost or repeated");
            Assert.That(actual.PendingWrites, Is.Zero, "no journal entry left pending");
            Assert.That(actual.Tasks, Is.EqualTo(expected.Tasks), "task reservations as in an uninterrupted run");
            Assert.That(actual.CrmTasks, Is.EqualTo(expected.CrmTasks).And.Unique, "no CRM task duplicated or lost");
            Assert.That(third.ExitCode, Is.Zero, third.Printed);
            Assert.That(third.Printed, Does.Contain("written 0,"), "a third cycle has nothing to write");
            Assert.That(writes.Requests, Is.EqualTo(requestsAfterRestart), "a third cycle sends no write");
        });
    }

    /// <summary>Starts <c>sync --once</c> with the next composite update held at <paramref name="killPoint"/>, kills the
    /// worker once the update is held, and returns how many record updates the sandbox had applied by then.</summary>
    private static async Task<int> KillDuringFirstWriteAsync(CrashOrg org, HoldPoint killPoint)
    {
        var hold = org.Salesforce.HoldNextWrite(killPoint);
        try
        {
            using var worker = WorkerProcess.SyncOnce(org.Config);
            var exited = worker.WaitAsync();
            var first = await Task.WhenAny(hold.Arrived, exited).WaitAsync(WorkerProcess.Timeout);
            Assert.That(first, Is.SameAs(hold.Arrived), () => "the worker ended before its first write:" + Environment.NewLine + worker.Printed);
            var applied = org.AppliedTotal();
            await worker.KillAsync();
            return applied;
        }
        finally
        {
            // A write held before applying stays unapplied: its client is gone, so the sandbox drops it.
            if (killPoint == HoldPoint.AfterApply)
            {
                hold.Release();
            }
        }
    }
}
