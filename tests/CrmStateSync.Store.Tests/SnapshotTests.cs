using CrmStateSync.Rules.Model;

namespace CrmStateSync.Store.Tests;

public class SnapshotTests : StoreTestBase
{
    [Test]
    public async Task LoadSnapshot_UnknownAccount_IsNull()
    {
        var store = await OpenAsync();

        Assert.That(await store.LoadSnapshotAsync("nope", Ct), Is.Null);
    }

    [Test]
    public async Task LoadSnapshot_RoundTripsAccountFieldsManagedChildrenAndLastWritten()
    {
        var store = await OpenAsync();
        var managed = new ManagedValues
        {
            Stage = "Adopting",
            StageEntryDates = new Dictionary<string, DateOnly> { ["New Customer"] = Some.Day("2025-01-01"), ["Adopting"] = Some.Day("2025-03-02") },
            States = StateSet.Empty.With(CsState.GoalClarity, new StateReading(StateValue.Slipping, Some.Day("2026-01-05"))),
            Milestones = new Dictionary<string, DateOnly> { ["first_project"] = Some.Day("2025-02-01") },
            MilestoneStalled = false,
        };
        var account = Some.Account("001", managed: managed).Account with
        {
            IntegrationStatus = IntegrationStatus.Broken,
            InNewHireOnboarding = false,
            GoalReviewedOn = Some.Day("2026-01-05"),
            WorkflowsLive = true,
        };
        await store.UpsertAccountAsync(new(account), Some.At(0), Ct);
        await store.UpsertOpportunityAsync(Some.Opportunity("006A", "001"), Some.At(1), Ct);
        await store.UpsertContactAsync(Some.Contact("003A", "001"), Some.At(1), Ct);
        await store.UpsertUsageAsync(Some.Usage("U2", "001", Some.Day("2026-03-02"), projects: 2), Some.At(1), Ct);
        await store.UpsertUsageAsync(Some.Usage("U1", "001", Some.Day("2026-03-01")), Some.At(1), Ct);
        var lastWritten = new LastWritten { Stage = "Adopting", StageSource = StageSource.Automated, StageSetOn = Some.Day("2025-03-02") };
        await store.SetLastWrittenAsync("001", lastWritten, Ct);

        var snapshot = (await store.LoadSnapshotAsync("001", Ct))!;

        Assert.Multiple(() =>
        {
            Assert.That(snapshot with { Managed = ManagedValues.Empty, Opportunities = [], Contacts = [], Usage = [], LastWritten = null }, Is.EqualTo(account with { Managed = ManagedValues.Empty }));
            Assert.That(snapshot.Managed.Stage, Is.EqualTo("Adopting"));
            Assert.That(snapshot.Managed.StageEntryDates, Is.EquivalentTo(managed.StageEntryDates));
            Assert.That(snapshot.Managed.States, Is.EqualTo(managed.States));
            Assert.That(snapshot.Managed.Milestones, Is.EquivalentTo(managed.Milestones));
            Assert.That(snapshot.Managed.MilestoneStalled, Is.False);
            Assert.That(snapshot.Opportunities.Single(), Is.EqualTo(Some.Opportunity("006A", "001").Opportunity));
            Assert.That(snapshot.Contacts.Single(), Is.EqualTo(Some.Contact("003A", "001").Contact));
            Assert.That(snapshot.Usage.Select(u => u.Date), Is.EqualTo(new[] { Some.Day("2026-03-01"), Some.Day("2026-03-02") }), "usage by date");
            Assert.That(snapshot.Usage[1].Metrics["projects_created"], Is.EqualTo(2));
            Assert.That(snapshot.LastWritten, Is.EqualTo(lastWritten));
        });
    }

    [Test]
    public async Task AllAccountIds_MoreThanOnePage_StreamsEveryIdOnceInOrder()
    {
        var store = await OpenAsync();
        var ids = Enumerable.Range(0, 1203).Select(i => $"A{i:D5}").ToList();
        foreach (var id in ids)
        {
            await store.UpsertAccountAsync(Some.Account(id), Some.At(0), Ct);
        }

        var seen = new List<string>();
        await foreach (var id in store.AllAccountIdsAsync(Ct))
        {
            // Other calls between pages must not deadlock.
            Assert.That(await store.LoadSnapshotAsync(id, Ct), Is.Not.Null);
            seen.Add(id);
        }

        Assert.That(seen, Is.EqualTo(ids));
    }
}
