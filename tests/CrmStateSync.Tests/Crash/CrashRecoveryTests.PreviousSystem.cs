using CrmStateSync.Crm.Contract;
using CrmStateSync.Sandbox.Salesforce;

namespace CrmStateSync.Tests.Crash;

/// <summary>What interrupts a first sync in <see cref="CrashRecoveryTests.FirstSync_InterruptedWhereAccountsHoldPreviousSystemValues_EndsAsAnUninterruptedRun"/>.</summary>
public enum Interruption
{
    /// <summary>SIGKILL while the second composite update waits, before the CRM applied it.</summary>
    KilledAfterTheFirstWriteCall,

    /// <summary>SIGKILL while the fourth of the first chunk's five updates waits, before the CRM applied it.</summary>
    KilledMidChunk,

    /// <summary>SIGKILL while the third update waits after the CRM applied it (its answer never arrives).</summary>
    KilledWhileALandedWriteIsHeld,

    /// <summary>SIGKILL while the first task create waits after the CRM created its tasks (its answer never arrives).</summary>
    KilledAfterATaskCreate,

    /// <summary>After the first update the org's usage passes the write share: the rest waits for a new day.</summary>
    BudgetDeferral,

    /// <summary>Some accounts' first write is refused with a lock (transient) and retried next cycle.</summary>
    RejectedWrite,
}

/// <summary>
/// rules.md §8 "Interruptions change nothing" and sync.md "The result does not depend on interruptions": a first sync of
/// an org where a share of the accounts hold values a previous system left (a stage, entry dates a few days off, a
/// state) ends, after whatever interrupted it and the cycles that follow, with the CRM and history of an uninterrupted run.
/// </summary>
public partial class CrashRecoveryTests
{
    private const int PreviousSystemAccounts = 1_100;

    [TestCase(Interruption.KilledAfterTheFirstWriteCall)]
    [TestCase(Interruption.KilledMidChunk)]
    [TestCase(Interruption.KilledWhileALandedWriteIsHeld)]
    [TestCase(Interruption.KilledAfterATaskCreate)]
    [TestCase(Interruption.BudgetDeferral)]
    [TestCase(Interruption.RejectedWrite)]
    public async Task FirstSync_InterruptedWhereAccountsHoldPreviousSystemValues_EndsAsAnUninterruptedRun(Interruption interruption)
    {
        await using var reference = await CrashOrg.StartAsync(PreviousSystemAccounts, usageDays: 14, previousSystemShare: 0.3);
        await using var crashed = await CrashOrg.StartAsync(PreviousSystemAccounts, usageDays: 14, previousSystemShare: 0.3);
        var previousSystem = PreviousSystemIds(reference);
        var uninterrupted = await WorkerProcess.RunSyncOnceAsync(reference.Config);

        var interrupted = await InterruptAsync(crashed, interruption);
        var restart = await WorkerProcess.RunSyncOnceAsync(crashed.Config);
        var third = await WorkerProcess.RunSyncOnceAsync(crashed.Config);
        var expected = await reference.ReadStateAsync();
        var actual = await crashed.ReadStateAsync();

        TestContext.Out.WriteLine($"{interruption}: {DifferingFields(actual.Accounts, expected.Accounts)} managed fields differ from the uninterrupted run");
        Assert.Multiple(() =>
        {
            Assert.That(uninterrupted.ExitCode, Is.Zero, uninterrupted.Printed);
            Assert.That(previousSystem, Has.Count.GreaterThan(PreviousSystemAccounts / 5), "the seed needs accounts with previous-system values");
            Assert.That(interrupted, Is.Not.Empty, "the interruption happened");
            Assert.That(restart.ExitCode, Is.Zero, restart.Printed);
            Assert.That(actual.Accounts, Has.Count.EqualTo(expected.Accounts.Count));
            Assert.That(Differing(actual.Accounts, expected.Accounts), Is.Empty, "every account holds the values an uninterrupted run computes");
            Assert.That(actual.Transitions, Is.EqualTo(expected.Transitions).And.Unique, "each transition recorded once, none lost");
            Assert.That(actual.Conflicts, Is.EqualTo(expected.Conflicts), "no conflict lost or repeated");
            Assert.That(actual.PendingWrites, Is.Zero, "no journal entry left pending");
            Assert.That(expected.CrmTasks, Is.Not.Empty, "the first sync raises tasks");
            Assert.That(actual.CrmTasks, Is.EqualTo(expected.CrmTasks).And.Unique, "each CRM task created once, none lost");
            Assert.That(actual.Tasks, Is.EqualTo(expected.Tasks), "task reservations as in an uninterrupted run, each with its CRM task");
            Assert.That(third.ExitCode, Is.Zero, third.Printed);
            Assert.That(third.Printed, Does.Contain("written 0,"), "a third cycle has nothing to write");
        });
    }

    /// <summary>Runs the interrupted first sync; returns what happened, for the assertion message.</summary>
    private static async Task<string> InterruptAsync(CrashOrg org, Interruption interruption)
    {
        switch (interruption)
        {
            case Interruption.KilledAfterTheFirstWriteCall:
                return $"killed with {await KillDuringWriteAsync(org, letThrough: 1)} updates applied";
            case Interruption.KilledMidChunk:
                return $"killed with {await KillDuringWriteAsync(org, letThrough: 3)} updates applied";
            case Interruption.KilledWhileALandedWriteIsHeld:
                return $"killed with {await KillWhileLandedWriteIsHeldAsync(org, letThrough: 2)} updates applied";
            case Interruption.KilledAfterATaskCreate:
                return $"killed with {await KillAfterTaskCreateAsync(org)} tasks created";
            case Interruption.BudgetDeferral:
                return await DeferByBudgetAsync(org);
            default:
                foreach (var id in PreviousSystemIds(org).Take(7))
                {
                    org.Salesforce.FailWrites(id, "UNABLE_TO_LOCK_ROW", times: 1);
                }

                var run = await WorkerProcess.RunSyncOnceAsync(org.Config);
                Assert.That(run.Printed, Does.Contain("rejected 7,"), run.Printed);
                return run.Printed;
        }
    }

    /// <summary>Holds the update after <paramref name="letThrough"/> once the CRM applied it, kills the worker, then lets the answer go to nobody.</summary>
    private static async Task<int> KillWhileLandedWriteIsHeldAsync(CrashOrg org, int letThrough)
    {
        var hold = org.Salesforce.HoldWrite(letThrough, HoldPoint.AfterApply);
        try
        {
            using var worker = WorkerProcess.SyncOnce(org.Config);
            var first = await Task.WhenAny(hold.Arrived, worker.WaitAsync()).WaitAsync(WorkerProcess.Timeout);
            Assert.That(first, Is.SameAs(hold.Arrived), () => "the worker ended before the held write:" + Environment.NewLine + worker.Printed);
            var applied = org.AppliedTotal();
            await worker.KillAsync();
            return applied;
        }
        finally
        {
            hold.Release();
        }
    }

    /// <summary>Holds the first task create once the CRM created its tasks, kills the worker, then lets the answer go to nobody.</summary>
    private static async Task<int> KillAfterTaskCreateAsync(CrashOrg org)
    {
        var hold = org.Salesforce.HoldNextTaskCreate(HoldPoint.AfterApply);
        try
        {
            using var worker = WorkerProcess.SyncOnce(org.Config);
            var first = await Task.WhenAny(hold.Arrived, worker.WaitAsync()).WaitAsync(WorkerProcess.Timeout);
            Assert.That(first, Is.SameAs(hold.Arrived), () => "the worker ended before its first task create:" + Environment.NewLine + worker.Printed);
            var created = org.Salesforce.TableOf("Task").Count;
            await worker.KillAsync();
            return created;
        }
        finally
        {
            hold.Release();
        }
    }

    /// <summary>
    /// Another integration spends 60% of the org's daily API budget while the first update is in flight: its answer
    /// reports the usage, so the worker defers the rest (transient) and the run ends partial. A new day gives it back.
    /// </summary>
    private static async Task<string> DeferByBudgetAsync(CrashOrg org)
    {
        var spent = CrashOrg.DailyApiMax * 6 / 10;
        var hold = org.Salesforce.HoldWrite(0, HoldPoint.BeforeApply);
        using var worker = WorkerProcess.SyncOnce(org.Config);
        var first = await Task.WhenAny(hold.Arrived, worker.WaitAsync()).WaitAsync(WorkerProcess.Timeout);
        Assert.That(first, Is.SameAs(hold.Arrived), () => "the worker ended before its first write:" + Environment.NewLine + worker.Printed);
        org.Salesforce.UseApi(spent);
        hold.Release();
        var exitCode = await worker.WaitAsync();
        Assert.That(worker.Printed, Does.Match("partial: .* rejected [1-9][0-9]*,"), "the writes after the first wait for the budget");
        Assert.That(exitCode, Is.Not.Zero, "a deferred write leaves the run partial");
        org.Salesforce.UseApi(-spent);
        return worker.Printed;
    }

    /// <summary>Accounts whose stage field held a value before the worker's first cycle (the previous system's).</summary>
    private static List<string> PreviousSystemIds(CrashOrg org)
    {
        var stageField = org.Salesforce.Mapping.Account[ManagedField.Stage];
        return [.. org.Salesforce.TableOf("Account").OrderedById().Where(a => a.Fields.GetValueOrDefault(stageField) is not null).Select(a => a.Id)];
    }

    /// <summary>How many account fields differ between two renderings (lines of <c>id: key=value; …</c>), for the record.</summary>
    private static int DifferingFields(IReadOnlyList<string> actual, IReadOnlyList<string> expected) =>
        Fields(actual).Except(Fields(expected)).Count();

    private static IEnumerable<string> Fields(IReadOnlyList<string> accounts) =>
        accounts.SelectMany(line => System.Text.RegularExpressions.Regex.Split(line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..], "; (?=[A-Za-z0-9_]+=)").Select(field => line[..line.IndexOf(':', StringComparison.Ordinal)] + " " + field));

    /// <summary>The accounts (as rendered lines) that differ, for a readable failure.</summary>
    private static List<string> Differing(IReadOnlyList<string> actual, IReadOnlyList<string> expected) =>
        [.. actual.Except(expected, StringComparer.Ordinal).Take(5)];
}
