using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Store.Tests;

/// <summary>sync.md "drift detection": a full read's sweep removes cached records the CRM no longer has.</summary>
public class SweepTests : StoreTestBase
{
    [Test]
    public async Task EndSweep_AccountNotReturnedByTheFullRead_IsRemovedAndMarkedChanged()
    {
        var store = await OpenAsync();
        await store.ApplyAccountsAsync([Change("001", Some.Account("001")), Change("002", Some.Account("002")), Change("003", Some.Account("003"))], Ct);
        await store.ClearDirtyAsync(["001", "002", "003"], Ct);

        await store.BeginSweepAsync(CrmObject.Account, Ct);
        await store.ApplyAccountsAsync([Change("001", Some.Account("001")), Change("002", Some.Account("002"))], Ct);
        var removed = await store.EndSweepAsync(CrmObject.Account, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(removed, Is.EqualTo(1));
            Assert.That(await store.LoadSnapshotAsync("003", Ct), Is.Null);
            Assert.That(await store.LoadSnapshotAsync("001", Ct), Is.Not.Null);
            Assert.That(await store.DirtyAccountsAsync(Ct), Is.EqualTo(new[] { "003" }), "only the removed account needs evaluating");
        }
    }

    [Test]
    public async Task EndSweep_Usage_RemovesUnseenRowsAndUnseenRowsKeptAside()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001"), Some.At(0), Ct);
        IReadOnlyList<CrmChange<UsageRecord>> rows =
            [Change("U1", Some.Usage("U1", "001", Some.Day("2026-03-01"))), Change("U2", Some.Usage("U2", "001", Some.Day("2026-03-02"))), Change("U9", Some.Usage("U9", "404", Some.Day("2026-03-01")))];
        await store.ApplyUsageAsync(rows, Ct);

        await store.BeginSweepAsync(CrmObject.Usage, Ct);
        await store.ApplyUsageAsync([rows[0]], Ct);
        var removed = await store.EndSweepAsync(CrmObject.Usage, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(removed, Is.EqualTo(2));
            Assert.That(Scalar("SELECT count(*) FROM usage"), Is.EqualTo(1));
            Assert.That(await store.OrphanUsageAsync(Ct), Is.Empty);
        }
    }

    [Test]
    public async Task EndSweep_NotBegun_Throws()
    {
        var store = await OpenAsync();

        Assert.ThrowsAsync<InvalidOperationException>(async () => await store.EndSweepAsync(CrmObject.Contact, Ct));
    }

    [Test]
    public async Task Apply_WithoutASweep_RemembersNothing()
    {
        var store = await OpenAsync();
        await store.ApplyAccountsAsync([Change("001", Some.Account("001"))], Ct);
        await store.BeginSweepAsync(CrmObject.Account, Ct);

        var removed = await store.EndSweepAsync(CrmObject.Account, Ct);

        Assert.That(removed, Is.EqualTo(1), "an empty full read means the object is empty in the CRM");
    }

    private static CrmChange<T> Change<T>(string id, T record) where T : class => new(id, Some.At(1), record, false, []);
}
