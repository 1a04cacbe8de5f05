using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;

namespace CrmStateSync.Store.Tests;

public class HistoryTests : StoreTestBase
{
    [Test]
    public async Task AppendTransitions_ThenHistory_ReturnsThemOldestFirst()
    {
        var store = await OpenAsync();
        await store.AppendTransitionsAsync(
            "001",
            [
                new Transition(null, "New Customer", Some.Day("2025-01-01"), StageSource.Backfill, "won 2025-01-01"),
                new Transition("New Customer", "Onboarding", Some.Day("2025-01-10"), StageSource.Automated, "first active user"),
            ],
            Ct);
        await store.AppendTransitionAsync("002", new Transition("Healthy", "At-Risk", Some.Day("2025-05-01"), StageSource.Manual, "moved by CSM"), Ct);

        var history = await store.HistoryAsync("001", Ct);

        Assert.Multiple(() =>
        {
            Assert.That(history.Select(h => (h.From, h.To, h.On, h.Source)), Is.EqualTo(new[]
            {
                ((string?)null, (string?)"New Customer", Some.Day("2025-01-01"), StageSource.Backfill),
                ("New Customer", "Onboarding", Some.Day("2025-01-10"), StageSource.Automated),
            }));
            Assert.That(history[1].Reason, Is.EqualTo("first active user"));
            Assert.That(history[1].RecordedAt, Is.Not.EqualTo(default(DateTimeOffset)));
        });
    }

    [Test]
    public async Task AppendTransition_SameChangeReplayedAfterACrash_IsStoredOnce()
    {
        var store = await OpenAsync();
        var transition = new Transition("Onboarding", "Adopting", Some.Day("2025-02-01"), StageSource.Automated, "14 value actions");

        var first = await store.AppendTransitionAsync("001", transition, Ct);
        var again = await store.AppendTransitionAsync("001", transition, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((first, again), Is.EqualTo((true, false)));
            Assert.That(await store.HistoryAsync("001", Ct), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task TransitionsSince_ReturnsEveryAccountsTransitionsOnOrAfterTheDate()
    {
        var store = await OpenAsync();
        await store.AppendTransitionAsync("001", new Transition(null, "New Customer", Some.Day("2025-01-01"), StageSource.Automated, "r"), Ct);
        await store.AppendTransitionAsync("002", new Transition(null, "New Customer", Some.Day("2025-03-01"), StageSource.Automated, "r"), Ct);
        await store.AppendTransitionAsync("001", new Transition("New Customer", "Churned", Some.Day("2025-04-01"), StageSource.Automated, "r"), Ct);

        var since = await store.TransitionsSinceAsync(Some.Day("2025-03-01"), Ct);

        Assert.That(since.Select(t => (t.AccountId, t.On)), Is.EqualTo(new[] { ("002", Some.Day("2025-03-01")), ("001", Some.Day("2025-04-01")) }));
    }
}
