using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Store.Tests;

/// <summary>
/// An admin's resolution (issue 13 item 1): it marks the account changed so the next cycle evaluates it, records who
/// resolved it, and is stamped applied once a cycle acted on it. The log shows the account's name from the cache.
/// </summary>
public class ConflictResolutionTests : StoreTestBase
{
    [Test]
    public async Task ResolveConflict_Open_MarksTheAccountChangedAndRecordsWho()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001"), Some.At(0), Ct);
        await store.ClearDirtyAsync(["001"], Ct);
        var id = await store.AddConflictAsync(Conflict("001"), Ct);

        await store.ResolveConflictAsync(id, ConflictKeep.Engine, Some.Day("2026-02-05"), "ada", Ct);

        var conflict = (await store.GetConflictAsync(id, Ct))!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await store.DirtyAccountsAsync(Ct), Is.EqualTo(new[] { "001" }), "the next cycle evaluates it");
            Assert.That(conflict.ResolvedBy, Is.EqualTo("ada"));
            Assert.That(conflict.AppliedAt, Is.Null, "not applied before a cycle acted on it");
        }
    }

    [Test]
    public async Task ResolveConflict_AlreadyResolved_DoesNotMarkTheAccountAgain()
    {
        var store = await OpenAsync();
        var id = await store.AddConflictAsync(Conflict("001"), Ct);
        await store.ResolveConflictAsync(id, ConflictKeep.Crm, Some.Day("2026-02-05"), null, Ct);
        await store.ClearDirtyAsync(["001"], Ct);

        var again = await store.ResolveConflictAsync(id, ConflictKeep.Engine, Some.Day("2026-02-06"), "bob", Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.False);
            Assert.That(await store.DirtyAccountsAsync(Ct), Is.Empty);
            Assert.That((await store.GetConflictAsync(id, Ct))!.ResolvedBy, Is.Null, "the first decision stands");
        }
    }

    [Test]
    public async Task ClearDirty_AfterKeepCrm_StampsTheResolutionApplied()
    {
        var store = await OpenAsync();
        var id = await store.AddConflictAsync(Conflict("001"), Ct);
        await store.ResolveConflictAsync(id, ConflictKeep.Crm, Some.Day("2026-02-05"), "ada", Ct);

        await store.ClearDirtyAsync(["001"], Ct);

        Assert.That((await store.GetConflictAsync(id, Ct))!.AppliedAt, Is.Not.Null);
    }

    [Test]
    public async Task ClearDirty_AfterKeepEngine_StampsAppliedOnlyOnceTheEngineValueIsTheLastWritten()
    {
        var store = await OpenAsync();
        var id = await store.AddConflictAsync(Conflict("001"), Ct);
        await store.ResolveConflictAsync(id, ConflictKeep.Engine, Some.Day("2026-02-05"), "ada", Ct);

        await store.ClearDirtyAsync(["001"], Ct);
        var beforeWrite = (await store.GetConflictAsync(id, Ct))!.AppliedAt;
        LastWritten("001", "state:goalClarity", "Hit");
        await store.ClearDirtyAsync(["001"], Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeWrite, Is.Null, "the CRM has not confirmed the engine value");
            Assert.That((await store.GetConflictAsync(id, Ct))!.AppliedAt, Is.Not.Null);
        }
    }

    [Test]
    public async Task ListConflicts_AccountInTheCache_CarriesItsNameAndMatchesItByName()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001", "Northwind Traders"), Some.At(0), Ct);
        var named = await store.AddConflictAsync(Conflict("001"), Ct);
        var gone = await store.AddConflictAsync(Conflict("002"), Ct);

        var all = await store.ListConflictsAsync(null, Ct);
        var byName = await store.ListConflictsAsync(new ConflictFilter(AccountId: "Northwind Traders"), Ct);

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(c => (c.Id, c.AccountName)), Is.EqualTo(new[] { (named, (string?)"Northwind Traders"), (gone, null) }));
            Assert.That(byName.Select(c => c.Id), Is.EqualTo(new[] { named }));
        });
    }

    private static NewConflict Conflict(string accountId) =>
        new(accountId, "state:goalClarity", "Reset", "Hit", ConflictAction.Open, "Review: left for an admin", Some.Day("2026-02-01"));

    private void LastWritten(string accountId, string field, string value)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO last_written_fields (account_id, field, value, written_at) VALUES ($a, $f, $v, '2026-02-05T10:00:00.0000000Z')";
        command.Parameters.AddWithValue("$a", accountId);
        command.Parameters.AddWithValue("$f", field);
        command.Parameters.AddWithValue("$v", value);
        command.ExecuteNonQuery();
    }
}
