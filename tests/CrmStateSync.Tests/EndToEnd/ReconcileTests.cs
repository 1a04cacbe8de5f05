using Microsoft.Extensions.Time.Testing;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// sync.md "drift detection": formula and roll-up changes do not move the change cursor, and a cursor can miss a
/// deletion; a periodic full reconciliation read (default weekly) compares the cache with the org and repairs it.
/// </summary>
public class ReconcileTests
{
    [TestCase("salesforce")]
    [TestCase("hubspot")]
    public async Task RunCycle_WeekAfterTheLastFullRead_RepairsAMissedDeletionAndAnUnstampedChange(string crm)
    {
        await using var s = await SyncScenario.StartAsync([E2e.NewCustomer(), E2e.Healthy()], crm: crm);
        var worker = new FakeTimeProvider(E2e.AsOf.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        s.WorkerClock = worker;
        await s.RestartAsync();
        await s.CycleAsync();
        var (gone, steady) = (s.IdOf("Fresh Co"), s.IdOf("Steady Inc"));
        s.Accounts.Purge(gone);
        s.Accounts.Update(steady, r => r with { Fields = new Dictionary<string, object?>(r.Fields, StringComparer.Ordinal) { [s.Field("name")] = "Steady Inc (roll-up)" } });

        worker.Advance(TimeSpan.FromDays(1));
        var daily = await s.CycleAsync();
        var goneAfterDaily = await s.Store.LoadSnapshotAsync(gone, CancellationToken.None);
        worker.Advance(TimeSpan.FromDays(7));
        var weekly = await s.CycleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(daily.Summary.Reconciled, Is.False, "a day after the first (full) read: incremental");
            Assert.That(goneAfterDaily, Is.Not.Null, "an incremental read cannot see a deletion the CRM does not report");
            Assert.That(weekly.Summary.Reconciled, Is.True);
            Assert.That(weekly.Summary.Removed, Is.EqualTo(1));
            Assert.That(weekly.Summary.ToString(), Does.Contain("reconciled (1 removed)"));
            Assert.That(await s.Store.LoadSnapshotAsync(gone, CancellationToken.None), Is.Null);
            Assert.That((await s.Store.LoadSnapshotAsync(steady, CancellationToken.None))!.Name, Is.EqualTo("Steady Inc (roll-up)"));
        }
    }

    [Test]
    public async Task RunCycle_ReconcileEveryZero_NeverReadsInFull()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()], new Sync.Engine.SyncOptions { ReconcileEvery = TimeSpan.Zero });
        var worker = new FakeTimeProvider(E2e.AsOf.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        s.WorkerClock = worker;
        await s.RestartAsync();
        await s.CycleAsync();

        worker.Advance(TimeSpan.FromDays(30));
        var later = await s.CycleAsync();

        Assert.That(later.Summary.Reconciled, Is.False);
    }
}
