using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Backfill;

namespace CrmStateSync.Sync.Tests.Backfill;

/// <summary>
/// rules.md §8: "the first as-of date the condition held … a backfill replays day by day, so it is the historical date
/// there"; go-live records the CRM's old stage "replaced at go-live". The oracle scans the raw usage rows.
/// </summary>
public class BackfillReplayerTests
{
    private static readonly BackfillReplayer Replayer = new(RulesEngine.Default);

    [Test]
    public void Replay_FromTheFirstWin_StampsEachStageOnTheFirstDayItsConditionHeld()
    {
        var account = Some.Customer();
        var asOf = Some.D0.AddDays(199);
        var (adopting, healthy) = Oracle(account, asOf);

        var replay = Replayer.Replay(account, asOf);

        var stamps = replay.Final.Stage.EntryDates;
        Assert.Multiple(() =>
        {
            Assert.That(adopting, Is.EqualTo(Some.D0.AddDays(39)), "oracle sanity: one value action a day from day 30");
            Assert.That(healthy, Is.EqualTo(Some.D0.AddDays(80)), "oracle sanity: the second active user arrives on day 80");
            Assert.That(replay.From, Is.EqualTo(Some.D0));
            Assert.That(replay.Days, Is.EqualTo(200));
            Assert.That(stamps["New Customer"], Is.EqualTo(Some.D0), "New Customer: the first won close date");
            Assert.That(stamps["Onboarding"], Is.EqualTo(Some.Kickoff), "Onboarding: kickoff");
            Assert.That(stamps["Adopting"], Is.EqualTo(adopting), "Adopting: the first day with 10 value actions in 14 days");
            Assert.That(stamps["Healthy"], Is.EqualTo(healthy), "Healthy: the first day onboarding complete, core events and users held");
            Assert.That(replay.Final.Stage.Stage, Is.EqualTo("Healthy"));
            Assert.That(replay.Final.AsOf, Is.EqualTo(asOf));
            Assert.That(replay.Transitions.Where(t => t.Reason != "replaced at go-live").Select(t => (t.To, t.On)), Is.EqualTo(new (string?, DateOnly)[]
            {
                ("New Customer", Some.D0), ("Onboarding", Some.Kickoff), ("Adopting", adopting), ("Healthy", healthy),
            }));
            Assert.That(replay.Transitions.Select(t => t.Source), Is.All.EqualTo(StageSource.Backfill));
        });
    }

    [Test]
    public void Replay_CrmHeldAnotherStage_RecordsItReplacedAtGoLiveOnTheFirstDay()
    {
        var replay = Replayer.Replay(Some.Customer(), Some.D0.AddDays(199));

        var replaced = replay.Transitions.Where(t => t.Reason == "replaced at go-live").ToList();
        Assert.That(replaced, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(replaced[0].From, Is.EqualTo("Healthy"), "the CRM's go-live value");
            Assert.That(replaced[0].To, Is.EqualTo("New Customer"));
            Assert.That(replaced[0].On, Is.EqualTo(Some.D0));
            Assert.That(replaced[0].Source, Is.EqualTo(StageSource.Backfill));
            Assert.That(replay.Final.Stage.EntryDates, Does.Not.ContainValue(new DateOnly(2025, 6, 1)), "the CRM's old stamps are not carried");
        });
    }

    [Test]
    public void Replay_FromLaterThanTheFirstWin_StartsThere()
    {
        var from = Some.D0.AddDays(50);
        var asOf = Some.D0.AddDays(199);
        var (_, healthy) = Oracle(Some.Customer(), asOf);

        var replay = Replayer.Replay(Some.Customer(), asOf, from);

        Assert.Multiple(() =>
        {
            Assert.That(replay.From, Is.EqualTo(from));
            Assert.That(replay.Days, Is.EqualTo(150));
            Assert.That(replay.Final.Stage.EntryDates["New Customer"], Is.EqualTo(Some.D0), "stamped from the won close date");
            Assert.That(replay.Final.Stage.EntryDates["Adopting"], Is.EqualTo(from), "first seen on the first replayed day");
            Assert.That(replay.Final.Stage.EntryDates["Healthy"], Is.EqualTo(healthy), "later stages still on their historical day");
            Assert.That(replay.Transitions.Select(t => t.On), Has.None.LessThan(Some.D0));
        });
    }

    [Test]
    public void Replay_FromBeforeTheFirstWin_StartsAtTheFirstWin()
    {
        var replay = Replayer.Replay(Some.Customer(), Some.D0.AddDays(99), Some.D0.AddDays(-30));

        Assert.That(replay.From, Is.EqualTo(Some.D0));
    }

    [Test]
    public void Replay_NoWonOpportunity_ReplaysNothing()
    {
        var account = Some.Account() with { Opportunities = [Some.Lost(Some.D0)] };

        var replay = Replayer.Replay(account, Some.D0.AddDays(99));

        Assert.Multiple(() =>
        {
            Assert.That(replay.From, Is.Null);
            Assert.That(replay.Days, Is.Zero);
            Assert.That(replay.Transitions, Is.Empty);
            Assert.That(replay.Final.Stage.Stage, Is.Null);
            Assert.That(replay.Final.AsOf, Is.EqualTo(Some.D0.AddDays(99)), "still evaluated once, as of today");
        });
    }

    [Test]
    public void Replay_OfThreeYears_ReachesTheSameStamps()
    {
        var account = Some.Customer(days: 3 * 365);
        var asOf = Some.D0.AddDays(3 * 365 - 1);
        var (adopting, healthy) = Oracle(account, asOf);

        var replay = Replayer.Replay(account, asOf);

        Assert.That(replay.Days, Is.EqualTo(3 * 365));
        Assert.That(replay.Final.Stage.EntryDates["Adopting"], Is.EqualTo(adopting));
        Assert.That(replay.Final.Stage.EntryDates["Healthy"], Is.EqualTo(healthy));
    }

    [Test(Description = "rules.md §8 facts dated after asOf are ignored: a replayed day does not know of a later integration removal")]
    public void Replay_IntegrationRemovedLater_EntersAtRiskOnTheRemovalDay()
    {
        // Hand-computed from Some.Customer: Onboarding at kickoff (D0+5), Adopting D0+39, Healthy D0+80 (see the first test).
        var removedOn = Some.D0.AddDays(150);
        var account = Some.Customer() with { IntegrationStatus = IntegrationStatus.Removed, IntegrationChangedOn = removedOn };

        var replay = Replayer.Replay(account, Some.D0.AddDays(199));

        Assert.That(replay.Transitions.Where(t => t.Reason != "replaced at go-live").Select(t => (t.To, t.On)), Is.EqualTo(new (string?, DateOnly)[]
        {
            ("New Customer", Some.D0), ("Onboarding", Some.Kickoff), ("Adopting", Some.D0.AddDays(39)), ("Healthy", Some.D0.AddDays(80)),
            ("At-Risk", removedOn),
        }));
    }

    /// <summary>The first day each condition held, read from the raw rows.</summary>
    private static (DateOnly Adopting, DateOnly Healthy) Oracle(AccountSnapshot h, DateOnly asOf)
    {
        var adopting = FirstDay(asOf, d => Window(h, d, 14).Sum(u => u.ValueActions) >= 10);
        var healthy = FirstDay(asOf, d => d >= adopting && d >= Some.OnboardingComplete
            && Window(h, d, 30).Sum(u => u.CoreEvents) >= 3 && Window(h, d, 30).Select(u => u.ActiveUsers).DefaultIfEmpty(0).Max() >= 2);
        return (adopting, healthy);
    }

    private static IEnumerable<UsageRow> Window(AccountSnapshot h, DateOnly asOf, int days) =>
        h.Usage.Where(u => u.Date <= asOf && u.Date > asOf.AddDays(-days));

    private static DateOnly FirstDay(DateOnly asOf, Func<DateOnly, bool> condition)
    {
        for (var d = Some.D0; d <= asOf; d = d.AddDays(1))
        {
            if (condition(d))
            {
                return d;
            }
        }

        throw new AssertionException("the condition never held");
    }
}
