using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Ports;
using CrmStateSync.Sync.Tests.Engine;

namespace CrmStateSync.Sync.Tests.Diff;

/// <summary>
/// sync.md step 4, what the diff remembers of an account's conflict log — decided by the engine from the store's plain
/// log and journal (issue 14, item 4): the latest conflict per field, and whether a revert is still unconfirmed.
/// </summary>
public class PriorConflictsTests
{
    private const string Stage = "stage";
    private const string Entry = "entry:Onboarding";

    [Test]
    public void Latest_SeveralEntriesOfAField_TheLargestIdWinsWhateverTheOrder()
    {
        var latest = PriorConflicts.Latest(
        [
            Logged(7, Stage, "Adopting", "Healthy", ConflictAction.Accepted),
            Logged(9, Stage, "Onboarding", "Healthy", ConflictAction.Open, ResolvedKeep.Engine),
            Logged(3, Stage, "Churned", "Healthy", ConflictAction.Reverted),
            Logged(4, Entry, "2026-01-02", "2026-01-01", ConflictAction.Reverted),
        ]);

        Assert.That(latest, Is.EqualTo(new Dictionary<string, PriorConflict>
        {
            [Stage] = new("Onboarding", "Healthy", ConflictAction.Open, ResolvedKeep.Engine),
            [Entry] = new("2026-01-02", "2026-01-01", ConflictAction.Reverted),
        }));
    }

    [Test]
    public void HasReverts_OnlyAnOlderEntryReverted_False() =>
        Assert.That(PriorConflicts.HasReverts(PriorConflicts.Latest([Logged(1, Stage, "a", "b", ConflictAction.Reverted), Logged(2, Stage, "a", "b", ConflictAction.Accepted)])), Is.False);

    [TestCase(false, "Healthy", true, TestName = "WithUnconfirmedReverts_LastWriteOfTheFieldNotDoneWithTheEngineValue_Unconfirmed")]
    [TestCase(true, "Healthy", false, TestName = "WithUnconfirmedReverts_LastWriteOfTheFieldDone_Confirmed")]
    [TestCase(false, "Adopting", false, TestName = "WithUnconfirmedReverts_LastWriteOfTheFieldNotDoneWithAnotherValue_Confirmed")]
    public void WithUnconfirmedReverts_LastJournaledWriteOfTheField_Decides(bool done, string value, bool unconfirmed)
    {
        var latest = PriorConflicts.Latest([Logged(1, Stage, "Onboarding", "Healthy", ConflictAction.Reverted)]);

        var prior = PriorConflicts.WithUnconfirmedReverts(latest, [Write(false, (Stage, "Healthy")), Write(done, (Stage, value))]);

        Assert.That(prior[Stage].RevertUnconfirmed, Is.EqualTo(unconfirmed));
    }

    [Test]
    public void WithUnconfirmedReverts_LaterWritesWithoutTheField_DoNotCount()
    {
        var latest = PriorConflicts.Latest([Logged(1, Stage, "Onboarding", "Healthy", ConflictAction.Reverted)]);

        var prior = PriorConflicts.WithUnconfirmedReverts(latest, [Write(false, (Stage, "Healthy")), Write(true, (Entry, "2026-01-01"))]);

        Assert.That(prior[Stage].RevertUnconfirmed, Is.True);
    }

    [Test]
    public void WithUnconfirmedReverts_NoWriteOfTheField_Confirmed()
    {
        var latest = PriorConflicts.Latest([Logged(1, Stage, "Onboarding", "Healthy", ConflictAction.Reverted)]);

        Assert.That(PriorConflicts.WithUnconfirmedReverts(latest, [])[Stage].RevertUnconfirmed, Is.False);
    }

    [Test]
    public void WithUnconfirmedReverts_AcceptedOrOpenEntries_Untouched()
    {
        var latest = PriorConflicts.Latest([Logged(1, Stage, "Onboarding", "Healthy", ConflictAction.Accepted), Logged(2, Entry, "x", "y", ConflictAction.Open)]);

        var prior = PriorConflicts.WithUnconfirmedReverts(latest, [Write(false, (Stage, "Healthy")), Write(false, (Entry, "y"))]);

        Assert.That(prior.Values.Select(p => p.RevertUnconfirmed), Is.All.False);
    }

    [Test(Description = "The journal is read only when a latest conflict is a revert (as before: one query less per account otherwise)")]
    public async Task LoadAsync_ReadsTheJournalOnlyForAnAccountWithARevert()
    {
        var store = new RecordingStore([]);
        store.Conflicts["001"] = [Logged(1, Stage, "Onboarding", "Healthy", ConflictAction.Accepted)];
        store.Conflicts["002"] = [Logged(2, Stage, "Onboarding", "Healthy", ConflictAction.Reverted)];
        store.Journal["002"] = [Write(false, (Stage, "Healthy"))];

        var first = await PriorConflicts.LoadAsync(store, "001", CancellationToken.None);
        var second = await PriorConflicts.LoadAsync(store, "002", CancellationToken.None);
        var none = await PriorConflicts.LoadAsync(store, "003", CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(store.JournalRead, Is.EqualTo(new[] { "002" }));
            Assert.That((first[Stage].Action, first[Stage].RevertUnconfirmed), Is.EqualTo((ConflictAction.Accepted, false)));
            Assert.That((second[Stage].Action, second[Stage].RevertUnconfirmed), Is.EqualTo((ConflictAction.Reverted, true)));
            Assert.That(none, Is.Empty);
        }
    }

    private static LoggedConflict Logged(long id, string field, string? crm, string? engine, ConflictAction action, ResolvedKeep? resolved = null) =>
        new(id, field, crm, engine, action, resolved);

    private static JournaledWrite Write(bool done, params (string Field, string? Value)[] values) =>
        new(values.ToDictionary(v => v.Field, v => v.Value, StringComparer.Ordinal), done);
}
