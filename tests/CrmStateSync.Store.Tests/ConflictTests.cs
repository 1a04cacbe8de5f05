using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Store.Tests;

public class ConflictTests : StoreTestBase
{
    [Test]
    public async Task AddConflict_ThenGet_ReturnsEveryField()
    {
        var store = await OpenAsync();

        var id = await store.AddConflictAsync(new NewConflict("001", "stage", "Healthy", "Adopting", ConflictAction.Open, "stage validated", Some.Day("2026-03-02")), Ct);
        var conflict = await store.GetConflictAsync(id, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(conflict, Is.EqualTo(new ConflictEntry(id, "001", "stage", "Healthy", "Adopting", ConflictAction.Open, "stage validated", Some.Day("2026-03-02"), null, null)));
            Assert.That(conflict!.IsOpen, Is.True);
            Assert.That(await store.GetConflictAsync(id + 100, Ct), Is.Null);
        }
    }

    [Test]
    public async Task ListConflicts_Filters_ByOpenAccountAndSince()
    {
        var store = await OpenAsync();
        var reverted = await store.AddConflictAsync(Conflict("001", ConflictAction.Reverted, "2026-01-01"), Ct);
        var open = await store.AddConflictAsync(Conflict("001", ConflictAction.Open, "2026-02-01"), Ct);
        var otherAccount = await store.AddConflictAsync(Conflict("002", ConflictAction.Open, "2026-03-01"), Ct);
        var accepted = await store.AddConflictAsync(Conflict("002", ConflictAction.Accepted, "2026-03-02"), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(await store.ListConflictsAsync(null, Ct)), Is.EqualTo(new[] { reverted, open, otherAccount, accepted }));
            Assert.That(Ids(await store.ListConflictsAsync(new ConflictFilter(OpenOnly: true), Ct)), Is.EqualTo(new[] { open, otherAccount }));
            Assert.That(Ids(await store.ListConflictsAsync(new ConflictFilter(AccountId: "001"), Ct)), Is.EqualTo(new[] { reverted, open }));
            Assert.That(Ids(await store.ListConflictsAsync(new ConflictFilter(Since: Some.Day("2026-02-01")), Ct)), Is.EqualTo(new[] { open, otherAccount, accepted }));
            Assert.That(Ids(await store.ListConflictsAsync(new ConflictFilter(true, "002", Some.Day("2026-03-01")), Ct)), Is.EqualTo(new[] { otherAccount }));
        }
    }

    [Test]
    public async Task ResolveConflict_Open_RecordsTheDecisionOnceAndKeepsTheRow()
    {
        var store = await OpenAsync();
        var id = await store.AddConflictAsync(Conflict("001", ConflictAction.Open, "2026-02-01"), Ct);

        var resolved = await store.ResolveConflictAsync(id, ConflictKeep.Crm, Some.Day("2026-02-05"), "ada", Ct);
        var again = await store.ResolveConflictAsync(id, ConflictKeep.Engine, Some.Day("2026-02-06"), "bob", Ct);
        var unknown = await store.ResolveConflictAsync(id + 1, ConflictKeep.Engine, Some.Day("2026-02-06"), "bob", Ct);
        var conflict = (await store.GetConflictAsync(id, Ct))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((resolved, again, unknown), Is.EqualTo((true, false, false)));
            Assert.That((conflict.ResolvedKeep, conflict.ResolvedOn), Is.EqualTo(((ConflictKeep?)ConflictKeep.Crm, (DateOnly?)Some.Day("2026-02-05"))));
            Assert.That(conflict.IsOpen, Is.False);
            Assert.That(await store.ListConflictsAsync(new ConflictFilter(OpenOnly: true), Ct), Is.Empty);
            Assert.That(await store.ListConflictsAsync(null, Ct), Has.Count.EqualTo(1), "never deleted");
        }
    }

    private static NewConflict Conflict(string accountId, ConflictAction action, string on) =>
        new(accountId, "state:goalClarity", "Hit", "Slipping", action, "EngineWins", Some.Day(on));

    private static IEnumerable<long> Ids(IEnumerable<ConflictEntry> conflicts) => conflicts.Select(c => c.Id);
}
