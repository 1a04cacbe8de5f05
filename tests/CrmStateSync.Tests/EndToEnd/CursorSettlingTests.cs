using CrmStateSync.Crm.Contract;
using Microsoft.Extensions.Time.Testing;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// sync.md performance targets: "a cycle with nothing changed makes at most one read call per object". The overlap
/// that guards against late commits is re-read until the cursor has settled, then no more.
/// </summary>
public class CursorSettlingTests
{
    [Test]
    public async Task RunCycle_QuietOrgOnceSettled_MakesOneReadCallPerObjectAndStillSeesANewEdit()
    {
        await using var s = await SyncScenario.StartAsync([E2e.NewCustomer(), E2e.Healthy()]);
        var worker = new FakeTimeProvider(E2e.AsOf.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        s.WorkerClock = worker;
        await s.RestartAsync();
        await s.CycleAsync();

        worker.Advance(TimeSpan.FromMinutes(1));
        var echo = await s.CycleAsync();
        worker.Advance(TimeSpan.FromMinutes(1));
        var early = await s.CycleAsync();
        var earlyCursor = await s.Store.GetPullCursorAsync(CrmObject.Account, CancellationToken.None);
        worker.Advance(TimeSpan.FromMinutes(5));
        await s.CycleAsync();
        var settledCursor = await s.Store.GetPullCursorAsync(CrmObject.Account, CancellationToken.None);
        worker.Advance(TimeSpan.FromMinutes(15));
        s.Requests.Clear();
        var quiet = await s.CycleAsync();
        var quietReads = s.Requests.All.Where(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains("/query", StringComparison.Ordinal)).ToList();
        s.HumanEdit("Fresh Co", ("primaryGoal", "Cut onboarding time in half"));
        worker.Advance(TimeSpan.FromMinutes(15));
        var edited = await s.CycleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(echo.Summary.Read, Is.GreaterThanOrEqualTo(2), "the worker's own writes come back once");
            Assert.That(early.Summary.Read, Is.GreaterThanOrEqualTo(2), "before the settle time the overlap is still re-read");
            Assert.That(earlyCursor.Read.Settled, Is.False, "one minute after the echo was reached: not settled");
            Assert.That(settledCursor.Read.Settled, Is.True, "re-read six minutes after it was reached: settled");
            Assert.That(settledCursor.Read.ModifiedAt, Is.EqualTo(earlyCursor.Read.ModifiedAt), "settling does not move the cursor");
            Assert.That(quietReads, Has.Count.EqualTo(4), "one query per object, no further pages");
            Assert.That(quiet.Summary.Evaluated, Is.Zero);
            Assert.That(edited.Accounts.Select(a => a.AccountId), Is.EqualTo(new[] { s.IdOf("Fresh Co") }), "a change after the settled cursor is read");
        });
    }
}
