using CrmStateSync.Rules.Model;
using Microsoft.Extensions.Time.Testing;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// Issue 12, HubSpot reads at the floor, counted by kind at the sandbox's door: a first sync lists each object in pages
/// of 100 and reads company links in v4 batches of 1,000 ids; searches stay under HubSpot's own search limit (the
/// sandbox answers 429 SECONDLY past 5 a second); a quiet settled cycle makes one read call per object.
/// </summary>
public class HubSpotReadCallTests
{
    private const int ListPage = 100;
    private const int SearchPage = 200;
    private const int LinkBatch = 1_000;

    [Test]
    public async Task RunCycle_FirstSyncEchoAndQuietCycle_ReadCallsAtTheFloorAndNo429()
    {
        // 600 companies: the echo search is 3 pages, so that cycle sends 6 searches back to back (past 5 a second unpaced).
        AccountSnapshot[] accounts = [.. Enumerable.Range(0, 540).Select(i => E2e.NewCustomer($"New {i}")), .. Enumerable.Range(0, 60).Select(i => E2e.Healthy($"Healthy {i}"))];
        var (companies, deals, contacts, usage) = (accounts.Length, accounts.Sum(a => a.Opportunities.Count), accounts.Sum(a => a.Contacts.Count), accounts.Sum(a => a.Usage.Count));
        await using var s = await SyncScenario.StartAsync(accounts, crm: "hubspot");
        var worker = new FakeTimeProvider(E2e.AsOf.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        s.WorkerClock = worker;
        await s.RestartAsync();

        s.Requests.Clear();
        var first = await s.CycleAsync();
        var firstReads = Reads(s.Requests);
        worker.Advance(TimeSpan.FromMinutes(1));
        s.Requests.Clear();
        await s.CycleAsync();
        var echoReads = Reads(s.Requests);
        worker.Advance(TimeSpan.FromMinutes(6));
        await s.CycleAsync();
        worker.Advance(TimeSpan.FromMinutes(15));
        s.Requests.Clear();
        var quiet = await s.CycleAsync();
        var quietReads = Reads(s.Requests);

        int Pages(int n, int size) => (n + size - 1) / size;
        Assert.Multiple(() =>
        {
            Assert.That(first.Summary.Outcome, Is.EqualTo("ok"), first.Summary.ToString());
            Assert.That(firstReads, Is.EqualTo(new ReadCalls(
                Pages(companies, ListPage) + Pages(deals, ListPage) + Pages(contacts, ListPage) + Pages(usage, ListPage), 0,
                Pages(deals, LinkBatch) + Pages(contacts, LinkBatch) + Pages(usage, LinkBatch))),
                "first sync: ⌈n/100⌉ list pages per object, ⌈n/1,000⌉ association reads per linked object");
            // The echo: every company the first cycle wrote, plus (before the cursor settles) the look-back re-read of each
            // linked object's last records — at least its cursor's own record — which needs that object's company links.
            Assert.That(echoReads, Is.EqualTo(new ReadCalls(0, Pages(companies, SearchPage) + 3, 3)), "echo: the written companies in pages of 200, one search and one link read per linked object");
            Assert.That(quietReads, Is.EqualTo(new ReadCalls(0, 4, 0)), "sync.md: a cycle with nothing changed makes at most one read call per object");
            Assert.That(quiet.Summary.Read, Is.Zero, "a settled cursor does not re-read its own millisecond");
            Assert.That(s.Sandbox.HubSpot.SearchRateLimited, Is.Zero, "no 429 SECONDLY in any cycle at default settings");
            Assert.That(s.Sandbox.HubSpot.RateLimited, Is.Zero);
        });
    }

    [Test]
    public async Task RunCycle_HubSpotCompanyArchived_RemovedByTheNextReconciliationReadNotBefore()
    {
        await using var s = await SyncScenario.StartAsync([E2e.NewCustomer(), E2e.Healthy()], crm: "hubspot");
        var worker = new FakeTimeProvider(E2e.AsOf.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
        s.WorkerClock = worker;
        await s.RestartAsync();
        await s.CycleAsync();
        var archived = s.IdOf("Fresh Co");
        s.Delete("Account", archived);

        worker.Advance(TimeSpan.FromDays(6));
        s.Requests.Clear();
        var incremental = await s.CycleAsync();
        var incrementalReads = Reads(s.Requests);
        var keptUntilReconcile = await s.Store.LoadSnapshotAsync(archived, CancellationToken.None);
        worker.Advance(TimeSpan.FromDays(1));
        var reconcile = await s.CycleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(incremental.Summary.Reconciled, Is.False);
            Assert.That(keptUntilReconcile, Is.Not.Null, "docs/hubspot-connector.md: a deletion is noticed by the reconciliation read, up to Sync:ReconcileEvery late");
            Assert.That(incrementalReads.Lists, Is.Zero, "an incremental cycle lists nothing, archived records included");
            Assert.That(reconcile.Summary.Reconciled, Is.True, "Sync:ReconcileEvery (default 7 days) after the first full read");
            Assert.That(reconcile.Summary.Removed, Is.EqualTo(1));
            Assert.That(await s.Store.LoadSnapshotAsync(archived, CancellationToken.None), Is.Null);
            Assert.That(await s.Store.LoadSnapshotAsync(s.IdOf("Steady Inc"), CancellationToken.None), Is.Not.Null);
        }
    }

    /// <summary>The pull's read calls by kind: list pages, searches, company-link reads (task lookups are not pull reads).</summary>
    private static ReadCalls Reads(RequestLog log)
    {
        var all = log.All;
        return new ReadCalls(
            all.Count(r => r.StartsWith("GET /crm/v3/objects/", StringComparison.Ordinal)),
            all.Count(r => r.StartsWith("POST ", StringComparison.Ordinal) && r.EndsWith("/search", StringComparison.Ordinal)),
            all.Count(r => r.StartsWith("POST /crm/v4/associations/", StringComparison.Ordinal) && r.EndsWith("/companies/batch/read", StringComparison.Ordinal)));
    }

    private sealed record ReadCalls(int Lists, int Searches, int Links);
}
