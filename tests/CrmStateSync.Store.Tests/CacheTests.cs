using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Store.Tests;

public class CacheTests : StoreTestBase
{
    [Test]
    public async Task UpsertAccount_Twice_IsOneRowWithTheNewerValues()
    {
        var store = await OpenAsync();

        await store.UpsertAccountAsync(Some.Account("001", "Old name"), Some.At(0), Ct);
        await store.UpsertAccountAsync(Some.Account("001", "New name"), Some.At(5), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Scalar("SELECT count(*) FROM accounts"), Is.EqualTo(1));
            Assert.That((await store.LoadSnapshotAsync("001", Ct))!.Name, Is.EqualTo("New name"));
        }
    }

    [Test]
    public async Task UpsertAccount_OlderCopyFromOverlap_IsIgnored()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001", "New name"), Some.At(5), Ct);
        await store.ClearDirtyAsync(["001"], Ct);

        var changed = await store.UpsertAccountAsync(Some.Account("001", "Old name"), Some.At(0), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changed, Is.False);
            Assert.That((await store.LoadSnapshotAsync("001", Ct))!.Name, Is.EqualTo("New name"));
            Assert.That(await store.DirtyAccountsAsync(Ct), Is.Empty);
        }
    }

    [Test]
    public async Task Upserts_MarkOwningAccountsChanged_UntilCleared()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001"), Some.At(0), Ct);
        await store.UpsertAccountAsync(Some.Account("002"), Some.At(0), Ct);
        await store.ClearDirtyAsync(["001", "002"], Ct);

        await store.UpsertOpportunityAsync(Some.Opportunity("006A", "001"), Some.At(1), Ct);
        await store.UpsertContactAsync(Some.Contact("003A", "002"), Some.At(1), Ct);

        Assert.That(await store.DirtyAccountsAsync(Ct), Is.EqualTo(new[] { "001", "002" }));
        await store.ClearDirtyAsync(["001"], Ct);
        Assert.That(await store.DirtyAccountsAsync(Ct), Is.EqualTo(new[] { "002" }));
    }

    [Test]
    public async Task UpsertOpportunity_MovedToAnotherAccount_MarksBothAndMovesIt()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001"), Some.At(0), Ct);
        await store.UpsertAccountAsync(Some.Account("002"), Some.At(0), Ct);
        await store.UpsertOpportunityAsync(Some.Opportunity("006A", "001"), Some.At(1), Ct);
        await store.ClearDirtyAsync(["001", "002"], Ct);

        await store.UpsertOpportunityAsync(Some.Opportunity("006A", "002"), Some.At(2), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await store.DirtyAccountsAsync(Ct), Is.EqualTo(new[] { "001", "002" }));
            Assert.That((await store.LoadSnapshotAsync("001", Ct))!.Opportunities, Is.Empty);
            Assert.That((await store.LoadSnapshotAsync("002", Ct))!.Opportunities.Single().Id, Is.EqualTo("006A"));
        }
    }

    [TestCase(CrmObject.Opportunity)]
    [TestCase(CrmObject.Contact)]
    [TestCase(CrmObject.Usage)]
    public async Task Delete_Record_RemovesItAndMarksItsAccountChanged(CrmObject crmObject)
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001"), Some.At(0), Ct);
        await store.UpsertOpportunityAsync(Some.Opportunity("X", "001"), Some.At(1), Ct);
        await store.UpsertContactAsync(Some.Contact("X", "001"), Some.At(1), Ct);
        await store.UpsertUsageAsync(Some.Usage("X", "001", Some.Day("2026-03-01")), Some.At(1), Ct);
        await store.ClearDirtyAsync(["001"], Ct);

        var deleted = await store.DeleteAsync(crmObject, "X", Ct);
        var snapshot = (await store.LoadSnapshotAsync("001", Ct))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deleted, Is.True);
            Assert.That(await store.DirtyAccountsAsync(Ct), Is.EqualTo(new[] { "001" }));
            Assert.That(snapshot.Opportunities.Count + snapshot.Contacts.Count + snapshot.Usage.Count, Is.EqualTo(2));
            Assert.That(await store.DeleteAsync(crmObject, "X", Ct), Is.False, "a second delete finds nothing");
        }
    }

    [Test]
    public async Task Delete_Account_RemovesItsCacheAndMarksItChanged()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001"), Some.At(0), Ct);
        await store.UpsertOpportunityAsync(Some.Opportunity("006A", "001"), Some.At(1), Ct);
        await store.UpsertUsageAsync(Some.Usage("U1", "001", Some.Day("2026-03-01")), Some.At(1), Ct);
        await store.ClearDirtyAsync(["001"], Ct);

        await store.DeleteAsync(CrmObject.Account, "001", Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await store.LoadSnapshotAsync("001", Ct), Is.Null);
            Assert.That(Scalar("SELECT (SELECT count(*) FROM opportunities) + (SELECT count(*) FROM usage)"), Is.Zero);
            Assert.That(await store.DirtyAccountsAsync(Ct), Is.EqualTo(new[] { "001" }));
        }
    }

    [Test]
    public async Task UpsertUsage_UnknownAccount_IsKeptAsideReportedAndAdoptedLater()
    {
        var store = await OpenAsync();

        var outcome = await store.UpsertUsageAsync(Some.Usage("U1", "404", Some.Day("2026-03-01"), valueActions: 7), Some.At(0), Ct);
        var orphans = await store.OrphanUsageAsync(Ct);

        Assert.Multiple(() =>
        {
            Assert.That(outcome, Is.EqualTo(UsageUpsert.Orphaned));
            Assert.That(orphans.Single().Id, Is.EqualTo("U1"));
            Assert.That(orphans.Single().AccountId, Is.EqualTo("404"));
            Assert.That(orphans.Single().Usage.ValueActions, Is.EqualTo(7));
        });

        await store.UpsertAccountAsync(Some.Account("404"), Some.At(1), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await store.OrphanUsageAsync(Ct), Is.Empty);
            Assert.That((await store.LoadSnapshotAsync("404", Ct))!.Usage.Single().ValueActions, Is.EqualTo(7));
        }
    }

    [Test]
    public async Task UpsertUsage_Twice_IsOneRow()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001"), Some.At(0), Ct);

        var first = await store.UpsertUsageAsync(Some.Usage("U1", "001", Some.Day("2026-03-01"), valueActions: 1), Some.At(1), Ct);
        var second = await store.UpsertUsageAsync(Some.Usage("U1", "001", Some.Day("2026-03-01"), valueActions: 2), Some.At(2), Ct);
        var stale = await store.UpsertUsageAsync(Some.Usage("U1", "001", Some.Day("2026-03-01"), valueActions: 1), Some.At(1), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((first, second, stale), Is.EqualTo((UsageUpsert.Stored, UsageUpsert.Stored, UsageUpsert.Unchanged)));
            Assert.That((await store.LoadSnapshotAsync("001", Ct))!.Usage.Single().ValueActions, Is.EqualTo(2));
        }
    }
}
