using System.Diagnostics;
using CrmStateSync.Sandbox.Salesforce;

namespace CrmStateSync.Tests.Crash;

/// <summary>
/// sync.md "A graceful stop is graceful": SIGTERM or Ctrl+C during a cycle lets it finish its current chunk's writes
/// and journal, records the run as stopped, logs that it stops and why, and exits 0 within the host's shutdown timeout;
/// the next start resumes and the org ends as after an uninterrupted run. The real executable, signalled as an
/// orchestrator or a terminal signals it, while the sandbox holds a write of the first chunk after it landed.
/// </summary>
public class GracefulStopTests
{
    [TestCase("run", "TERM", "SIGTERM", TestName = "Run_SigtermDuringAChunksWrite_FinishesTheChunkRecordsStoppedAndExitsZero")]
    [TestCase("sync", "INT", "Ctrl+C (SIGINT)", TestName = "SyncOnce_CtrlCDuringAChunksWrite_FinishesTheChunkRecordsStoppedAndExitsZero")]
    public async Task Stop_DuringAChunksWrite_FinishesTheChunkAndTheNextSyncEndsAsAnUninterruptedRun(string command, string signal, string reason)
    {
        await using var reference = await CrashOrg.StartAsync(accounts: 1_100, usageDays: 14);
        await using var stopped = await CrashOrg.StartAsync(accounts: 1_100, usageDays: 14);
        var uninterrupted = await WorkerProcess.RunSyncOnceAsync(reference.Config);

        var (exitCode, seconds, printed, heldWasInFlight) = await StopDuringThirdWriteAsync(stopped, command, signal);
        var appliedAtStop = stopped.AppliedTotal();
        var outcomes = await stopped.RunOutcomesAsync();
        var resumed = await WorkerProcess.RunSyncOnceAsync(stopped.Config);
        var expected = await reference.ReadStateAsync();
        var actual = await stopped.ReadStateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(uninterrupted.ExitCode, Is.Zero, uninterrupted.Printed);
            Assert.That(reference.Salesforce.Writes.Requests, Is.EqualTo(6), "five writes for the first chunk, one for the second");
            Assert.That(heldWasInFlight, Is.True, "the stop was asked while the chunk's third write was in flight");
            Assert.That(exitCode, Is.Zero, printed);
            Assert.That(seconds, Is.LessThan(30), "exits within the default Worker:ShutdownTimeout");
            Assert.That(appliedAtStop, Is.EqualTo(1_000), "the first chunk's writes all landed (the held one and the two after it); the second chunk was left");
            Assert.That(outcomes, Is.EqualTo(new[] { "stopped" }), "the run row says stopped, not running-or-died");
            Assert.That(printed, Does.Contain("Stopping").And.Contain(reason), "the log says it is stopping and why");
            Assert.That(printed, Does.Contain("stopped: read").Or.Contain("\"Outcome\":\"stopped\""), "the cycle's summary (sync prints it; run logs it as a structured event)");
            Assert.That(resumed.ExitCode, Is.Zero, resumed.Printed);
            Assert.That(actual.Accounts, Is.EqualTo(expected.Accounts), "every account holds the values an uninterrupted run computes");
            Assert.That(actual.Transitions, Is.EqualTo(expected.Transitions).And.Unique, "each transition recorded once, none lost");
            Assert.That(actual.PendingWrites, Is.Zero, "no journal entry left pending");
            Assert.That(actual.CrmTasks, Is.EqualTo(expected.CrmTasks).And.Unique, "no CRM task duplicated or lost");
        });
        if (command == "run")
        {
            Assert.That(printed, Does.Contain("Worker started").And.Contain("00Dsandbox").And.Contain("Worker stopped"), "run logs its start (org, provider, cadence, health) and its stop");
        }

        TestContext.Out.WriteLine($"{command}: {reason} -> exit {exitCode} after {seconds:0.0} s; {appliedAtStop} records written before stopping");
    }

    /// <summary>
    /// A write that hangs past Worker:ShutdownTimeout: the stop cancels it, the process exits with 128 + SIGTERM, and
    /// the next sync, from the journal, ends as an uninterrupted run.
    /// </summary>
    [Test]
    public async Task SyncOnce_SigtermWhileAWriteHangsPastTheShutdownTimeout_CancelsItExits143AndTheNextSyncEndsAsAnUninterruptedRun()
    {
        await using var reference = await CrashOrg.StartAsync(accounts: 1_100, usageDays: 14);
        await using var stopped = await CrashOrg.StartAsync(accounts: 1_100, usageDays: 14);
        await WorkerProcess.RunSyncOnceAsync(reference.Config);
        var hold = stopped.Salesforce.HoldWrite(letThrough: 2, HoldPoint.BeforeApply);
        int exitCode;
        double seconds;
        string printed;
        using (var worker = WorkerProcess.Start(new Dictionary<string, string> { ["CRMSTATESYNC_Worker__ShutdownTimeout"] = "00:00:02" }, "sync", "--once", "--config", stopped.Config))
        {
            await hold.Arrived.WaitAsync(WorkerProcess.Timeout);
            var clock = Stopwatch.StartNew();
            await worker.SignalAsync("TERM");
            exitCode = await worker.WaitAsync();
            (seconds, printed) = (clock.Elapsed.TotalSeconds, worker.Printed);
        }

        hold.Release();
        var resumed = await WorkerProcess.RunSyncOnceAsync(stopped.Config);
        var (expected, actual) = (await reference.ReadStateAsync(), await stopped.ReadStateAsync());

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(143), printed);
            Assert.That(seconds, Is.InRange(2, 10), "cancelled once Worker:ShutdownTimeout (2 s) had passed, not before");
            Assert.That(printed, Does.Contain("without reaching a chunk boundary within Worker:ShutdownTimeout"));
            Assert.That(resumed.ExitCode, Is.Zero, resumed.Printed);
            Assert.That(actual.Accounts, Is.EqualTo(expected.Accounts), "every account holds the values an uninterrupted run computes");
            Assert.That(actual.PendingWrites, Is.Zero, "no journal entry left pending");
        });
        TestContext.Out.WriteLine($"hanging write: SIGTERM -> exit {exitCode} after {seconds:0.0} s");
    }

    /// <summary>
    /// Starts the command, holds the first chunk's third write after it landed, signals the worker, lets the write
    /// answer once the worker logged that it is stopping, and waits for the exit.
    /// </summary>
    private static async Task<(int ExitCode, double Seconds, string Printed, bool HeldWasInFlight)> StopDuringThirdWriteAsync(CrashOrg org, string command, string signal)
    {
        var hold = org.Salesforce.HoldWrite(letThrough: 2, HoldPoint.AfterApply);
        try
        {
            using var worker = command == "run" ? WorkerProcess.Run(org.Config) : WorkerProcess.SyncOnce(org.Config);
            var exited = worker.WaitAsync();
            var first = await Task.WhenAny(hold.Arrived, exited).WaitAsync(WorkerProcess.Timeout);
            Assert.That(first, Is.SameAs(hold.Arrived), () => "the worker ended before the held write:" + Environment.NewLine + worker.Printed);
            var clock = Stopwatch.StartNew();
            await worker.SignalAsync(signal);
            var logged = await worker.PrintedAsync("Stopping");
            var inFlight = !exited.IsCompleted;
            hold.Release();
            var exitCode = await exited;
            return (exitCode, clock.Elapsed.TotalSeconds, worker.Printed, logged && inFlight);
        }
        finally
        {
            hold.Release();
        }
    }
}
