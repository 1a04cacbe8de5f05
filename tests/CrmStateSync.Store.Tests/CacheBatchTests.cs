using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Store.Tests;

public class CacheBatchTests : StoreTestBase
{
    [Test]
    public async Task ApplyAccounts_RunOfUpsertsAndADelete_AppliesEachAndMarksThemChanged()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("009"), Some.At(0), Ct);
        await store.ClearDirtyAsync(["009"], Ct);

        var changed = await store.ApplyAccountsAsync([Upsert("001", Some.Account("001")), Upsert("002", Some.Account("002")), Deleted<AccountRecord>("009")], Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.EqualTo(3));
            Assert.That(Scalar("SELECT count(*) FROM accounts WHERE id IN ('001', '002')"), Is.EqualTo(2));
            Assert.That(Scalar("SELECT count(*) FROM accounts WHERE id = '009'"), Is.Zero);
            Assert.That(await store.DirtyAccountsAsync(Ct), Is.EqualTo(new[] { "001", "002", "009" }));
        }
    }

    [Test]
    public async Task ApplyAccounts_SameRunTwice_ChangesNothingTheSecondTime()
    {
        var store = await OpenAsync();
        IReadOnlyList<CrmChange<AccountRecord>> run = [Upsert("001", Some.Account("001")), Upsert("002", Some.Account("002"))];
        await store.ApplyAccountsAsync(run, Ct);
        await store.ClearDirtyAsync(["001", "002"], Ct);

        var changed = await store.ApplyAccountsAsync(run, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.Zero);
            Assert.That(await store.DirtyAccountsAsync(Ct), Is.Empty);
        }
    }

    [Test]
    public async Task ApplyAccounts_SameStampWithNewContent_IsApplied()
    {
        // A formula or roll-up field can change without moving the modification stamp; the re-read must still land.
        var store = await OpenAsync();
        await store.ApplyAccountsAsync([Upsert("001", Some.Account("001", "Before"))], Ct);
        await store.ClearDirtyAsync(["001"], Ct);

        var changed = await store.ApplyAccountsAsync([Upsert("001", Some.Account("001", "After"))], Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.EqualTo(1));
            Assert.That((await store.LoadSnapshotAsync("001", Ct))!.Name, Is.EqualTo("After"));
            Assert.That(await store.DirtyAccountsAsync(Ct), Is.EqualTo(new[] { "001" }));
        }
    }

    [Test]
    public async Task ApplyChildren_RunWithAnUnknownAccountsUsage_KeepsTheOrphanAsideAndStoresTheRest()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001"), Some.At(0), Ct);

        await store.ApplyOpportunitiesAsync([Upsert("006A", Some.Opportunity("006A", "001"))], Ct);
        await store.ApplyContactsAsync([Upsert("003A", Some.Contact("003A", "001"))], Ct);
        var usage = await store.ApplyUsageAsync(
            [Upsert("U1", Some.Usage("U1", "001", Some.Day("2026-03-01"))), Upsert("U2", Some.Usage("U2", "404", Some.Day("2026-03-01")))], Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(usage, Is.EqualTo(2), "the stored row and the row kept aside both changed the cache");
            Assert.That(Scalar("SELECT count(*) FROM opportunities WHERE account_id = '001'"), Is.EqualTo(1));
            Assert.That(Scalar("SELECT count(*) FROM contacts WHERE account_id = '001'"), Is.EqualTo(1));
            Assert.That(Scalar("SELECT count(*) FROM usage WHERE account_id = '001'"), Is.EqualTo(1));
            Assert.That((await store.OrphanUsageAsync(Ct)).Select(o => o.Id), Is.EqualTo(new[] { "U2" }));
        }
    }

    [Test]
    public async Task ApplyUsage_RunWithADeletion_RemovesTheRow()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001"), Some.At(0), Ct);
        await store.ApplyUsageAsync([Upsert("U1", Some.Usage("U1", "001", Some.Day("2026-03-01")))], Ct);

        var changed = await store.ApplyUsageAsync([Deleted<UsageRecord>("U1")], Ct);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.EqualTo(1));
            Assert.That(Scalar("SELECT count(*) FROM usage"), Is.Zero);
        });
    }

    private static CrmChange<T> Upsert<T>(string id, T record) where T : class => new(id, Some.At(1), record, false, []);

    private static CrmChange<T> Deleted<T>(string id) where T : class => new(id, Some.At(2), null, true, []);
}
