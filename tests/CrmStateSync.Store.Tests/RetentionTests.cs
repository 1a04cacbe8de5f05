using CrmStateSync.Rules.Evaluation;

namespace CrmStateSync.Store.Tests;

public class RetentionTests : StoreTestBase
{
    private static readonly DateOnly Newest = Some.Day("2025-06-30");
    private static readonly DateOnly AsOf = Some.Day("2025-07-01");

    [Test]
    public async Task Prune_OldRows_FoldsThemIntoOneCarryKeepingTotalsAndFirstActiveOn()
    {
        var store = await SeededAsync();

        var pruned = await store.PruneUsageAsync(Ct);
        var usage = (await store.LoadSnapshotAsync("001", Ct))!.Usage;

        Assert.Multiple(() =>
        {
            Assert.That(pruned, Is.GreaterThan(0));
            Assert.That(usage[0].Date, Is.EqualTo(Some.Day("2025-01-10")), "the carry is dated at the earliest pruned active date");
            Assert.That(usage[0].ActiveUsers, Is.EqualTo(1));
            Assert.That(usage.Sum(u => u.ValueActions), Is.EqualTo(TotalValueActions));
            Assert.That(usage.Sum(u => u.CoreEvents), Is.EqualTo(TotalCoreEvents));
            Assert.That(usage.Sum(u => u.Metrics.GetValueOrDefault("projects_created")), Is.EqualTo(3));
            Assert.That(usage.Skip(1).All(u => u.Date >= Newest.AddDays(-90)), Is.True, "only the window is kept row by row");
            Assert.That(Scalar("SELECT count(*) FROM usage WHERE account_id = '001'"), Is.EqualTo(usage.Count - 1));
        });
    }

    [Test]
    public async Task Prune_ThenEvaluate_GivesTheSameStageStatesAndMilestones()
    {
        var store = await SeededAsync();
        var before = RulesEngine.Default.Evaluate((await store.LoadSnapshotAsync("001", Ct))!, AsOf);

        await store.PruneUsageAsync(Ct);
        var snapshot = (await store.LoadSnapshotAsync("001", Ct))!;
        var after = RulesEngine.Default.Evaluate(snapshot, AsOf);
        var withoutCarry = RulesEngine.Default.Evaluate(snapshot with { Usage = snapshot.Usage.Skip(1).ToList() }, AsOf);

        Assert.Multiple(() =>
        {
            Assert.That(before.Milestones.Completed, Is.GreaterThanOrEqualTo(3), "the scenario completes milestones from old usage");
            Assert.That(after.Milestones.CompletedOn, Is.EquivalentTo(before.Milestones.CompletedOn));
            Assert.That(after.Milestones.NextKey, Is.EqualTo(before.Milestones.NextKey));
            Assert.That(after.Stage.Stage, Is.EqualTo(before.Stage.Stage));
            Assert.That(after.Stage.EntryDates, Is.EquivalentTo(before.Stage.EntryDates));
            Assert.That(after.States.Select(s => s.Value), Is.EqualTo(before.States.Select(s => s.Value)));
            Assert.That(withoutCarry.Milestones.CompletedOn, Is.Not.EquivalentTo(before.Milestones.CompletedOn), "the carry is what keeps them");
        });
    }

    [Test]
    public async Task Prune_Twice_AccumulatesIntoTheSameCarry()
    {
        var store = await SeededAsync();
        await store.PruneUsageAsync(Ct);
        await store.UpsertUsageAsync(Some.Usage("late", "001", Newest.AddDays(60), valueActions: 4), Some.At(9), Ct);

        var pruned = await store.PruneUsageAsync(Ct);
        var usage = (await store.LoadSnapshotAsync("001", Ct))!.Usage;

        Assert.Multiple(() =>
        {
            Assert.That(pruned, Is.GreaterThan(0));
            Assert.That(Scalar("SELECT count(*) FROM usage_carry"), Is.EqualTo(1));
            Assert.That(usage[0].Date, Is.EqualTo(Some.Day("2025-01-10")));
            Assert.That(usage.Sum(u => u.ValueActions), Is.EqualTo(TotalValueActions + 4));
        });
    }

    [Test]
    public async Task UpsertUsage_DatedInThePrunedPeriod_IsNotCountedTwice()
    {
        var store = await SeededAsync();
        await store.PruneUsageAsync(Ct);

        var outcome = await store.UpsertUsageAsync(Some.Usage("D020", "001", Some.Day("2025-01-20"), valueActions: 5), Some.At(99), Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome, Is.EqualTo(UsageUpsert.AlreadyCarried));
            Assert.That((await store.LoadSnapshotAsync("001", Ct))!.Usage.Sum(u => u.ValueActions), Is.EqualTo(TotalValueActions));
        }
    }

    [Test]
    public async Task Prune_NewestActiveRowOutsideTheWindow_IsKeptSoLastUsageStaysExact()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001"), Some.At(0), Ct);
        await store.UpsertUsageAsync(Some.Usage("old", "001", Some.Day("2025-01-01"), activeUsers: 2, valueActions: 3), Some.At(0), Ct);
        await store.UpsertUsageAsync(Some.Usage("lastActive", "001", Some.Day("2025-02-01"), activeUsers: 1), Some.At(0), Ct);
        await store.UpsertUsageAsync(Some.Usage("idle", "001", Some.Day("2025-06-30"), activeUsers: 0), Some.At(0), Ct);

        await store.PruneUsageAsync(Ct);
        var usage = (await store.LoadSnapshotAsync("001", Ct))!.Usage;

        Assert.That(usage.Select(u => u.Date), Is.EqualTo(new[] { Some.Day("2025-01-01"), Some.Day("2025-02-01"), Some.Day("2025-06-30") }));
        Assert.That(Scalar("SELECT rows_pruned FROM usage_carry"), Is.EqualTo(1));
    }

    private const int TotalValueActions = 200;
    private const int TotalCoreEvents = 400;

    /// <summary>
    /// A customer won 2025-01-01: first active user 2025-01-10, three projects and all value actions in the first
    /// weeks, then steady core events to 2025-06-30. 200 value actions and 400 core events in all.
    /// </summary>
    private async Task<SqliteSyncStore> SeededAsync()
    {
        var store = await OpenAsync();
        await store.UpsertAccountAsync(Some.Account("001"), Some.At(0), Ct);
        await store.UpsertOpportunityAsync(Some.Opportunity("006A", "001", Some.Day("2025-01-01")), Some.At(0), Ct);
        await store.UpsertUsageAsync(Some.Usage("D005", "001", Some.Day("2025-01-05"), activeUsers: 0, coreEvents: 0), Some.At(0), Ct);
        var day = Some.Day("2025-01-10");
        for (var i = 0; day <= Newest; i++, day = day.AddDays(7))
        {
            var early = i < 4;
            await store.UpsertUsageAsync(
                Some.Usage($"W{i:D3}", "001", day, activeUsers: 1, valueActions: early ? 50 : 0, coreEvents: 0, projects: i < 3 ? 1 : null),
                Some.At(i),
                Ct);
        }

        await store.UpsertUsageAsync(Some.Usage("CORE", "001", Newest.AddDays(-100), activeUsers: 0, coreEvents: 300), Some.At(0), Ct);
        await store.UpsertUsageAsync(Some.Usage("LAST", "001", Newest, activeUsers: 2, coreEvents: 100), Some.At(0), Ct);
        return store;
    }
}
