using CrmStateSync.Sandbox.Salesforce;

namespace CrmStateSync.Tests.Crash;

/// <summary>The same crash in a second cycle that raises intervention tasks (created before that cycle's writes).</summary>
public partial class CrashRecoveryTests
{
    [TestCase(HoldPoint.BeforeApply, TestName = "SyncOnce_SecondCycleRaisingTasksKilledBeforeTheCrmAppliedTheWrite_CreatesEachTaskOnce")]
    [TestCase(HoldPoint.AfterApply, TestName = "SyncOnce_SecondCycleRaisingTasksKilledAfterTheCrmAppliedTheWrite_CreatesEachTaskOnce")]
    public async Task SyncOnce_SecondCycleRaisingTasksKilledDuringItsWrite_EndsAsAnUninterruptedRun(HoldPoint killPoint)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var reference = await CrashOrg.StartAsync();
        await using var crashed = await CrashOrg.StartAsync();
        var referenceRuns = new[] { await WorkerProcess.RunSyncOnceAsync(reference.Config) };
        reference.HumanEdits(today);
        referenceRuns = [.. referenceRuns, await WorkerProcess.RunSyncOnceAsync(reference.Config)];
        var firstCycle = await WorkerProcess.RunSyncOnceAsync(crashed.Config);
        crashed.HumanEdits(today);
        var appliedBefore = crashed.AppliedTotal();

        var appliedAtKill = await KillDuringFirstWriteAsync(crashed, killPoint) - appliedBefore;
        var restart = await WorkerProcess.RunSyncOnceAsync(crashed.Config);
        var third = await WorkerProcess.RunSyncOnceAsync(crashed.Config);
        var expected = await reference.ReadStateAsync();
        var actual = await crashed.ReadStateAsync();

        var (want, got) = (reference.Salesforce.Writes, crashed.Salesforce.Writes);
        Assert.Multiple(() =>
        {
            Assert.That(referenceRuns.Select(r => r.ExitCode), Is.All.Zero, string.Join(Environment.NewLine, referenceRuns.Select(r => r.Printed)));
            Assert.That(firstCycle.ExitCode, Is.Zero, firstCycle.Printed);
            Assert.That(expected.CrmTasks, Is.Not.Empty, "the leadership change raises tasks on the second cycle");
            Assert.That(expected.Conflicts, Is.Not.Empty, "the hand edits are conflicts on the second cycle");
            Assert.That(appliedAtKill, killPoint == HoldPoint.BeforeApply ? Is.Zero : Is.Positive, "what the killed attempt left in the CRM");
            Assert.That(restart.ExitCode, Is.Zero, restart.Printed);
            Assert.That(got.AppliedIds.Select(id => (id, got.Applied(id), got.Changed(id))), Is.EquivalentTo(want.AppliedIds.Select(id => (id, want.Applied(id), want.Changed(id)))),
                "each record updated as often as in an uninterrupted run (the killed write landed once)");
            Assert.That(actual.Accounts, Is.EqualTo(expected.Accounts), "every account holds the values an uninterrupted run computes");
            Assert.That(actual.Transitions, Is.EqualTo(expected.Transitions).And.Unique, "each transition recorded once, none lost");
            Assert.That(actual.Conflicts, Is.EqualTo(expected.Conflicts), "no conflict lost or repeated");
            Assert.That(actual.PendingWrites, Is.Zero, "no journal entry left pending");
            Assert.That(actual.Tasks, Is.EqualTo(expected.Tasks), "task reservations as in an uninterrupted run, each with its CRM task");
            Assert.That(actual.CrmTasks, Is.EqualTo(expected.CrmTasks).And.Unique, "each CRM task created once, none lost");
            Assert.That(third.ExitCode, Is.Zero, third.Printed);
            Assert.That(third.Printed, Does.Contain("written 0,").And.Contain("tasks 0,"), "a third cycle writes nothing and creates no task");
        });
    }
}
