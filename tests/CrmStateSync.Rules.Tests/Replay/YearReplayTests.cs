using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;

namespace CrmStateSync.Rules.Tests.Replay;

/// <summary>
/// rules.md §8: "the first as-of date the condition held is the as-of date of the evaluation that makes the move; a
/// backfill replays day by day, so it is the historical date there". A year of synthetic daily history is replayed
/// and every entry date is compared with an oracle that scans the raw rows for the first day each condition held.
/// </summary>
public class YearReplayTests
{
    private static readonly DateOnly D0 = new(2025, 1, 1);
    private static readonly DateOnly Won = D0.AddDays(10);
    private static readonly DateOnly Kickoff = D0.AddDays(20);
    private static readonly DateOnly OnboardingComplete = D0.AddDays(90);

    [Test]
    public void BackfillReplay_OfAYear_StampsEachStageOnTheFirstDayItsConditionHeld()
    {
        var history = History();
        var (stamps, transitions, final) = Replay(history, 365);
        var adopting = FirstDay(d => ValueActions(history, d, 0, 14) >= 10);
        var healthyCondition = FirstDay(d => d >= adopting && d >= OnboardingComplete && CoreEvents(history, d, 0, 30) >= 3 && MaxActiveUsers(history, d) >= 2);
        var (riskEntry, recovery) = RiskEpisode(history);

        Assert.Multiple(() =>
        {
            Assert.That(stamps["New Customer"], Is.EqualTo(Won), "New Customer: the first won close date");
            Assert.That(stamps["Onboarding"], Is.EqualTo(Kickoff), "Onboarding: kickoff; trial usage before the sale does not count");
            Assert.That(stamps["Adopting"], Is.EqualTo(adopting), "Adopting: first day with 10 value actions in 14 days");
            Assert.That(adopting, Is.EqualTo(D0.AddDays(69)), "oracle sanity: value actions start on day 60, one a day");
            Assert.That(healthyCondition, Is.EqualTo(D0.AddDays(100)), "oracle sanity: the second active user arrives on day 100");
            Assert.That(stamps["At-Risk"], Is.EqualTo(riskEntry), "At-Risk: first day core events halved");
            Assert.That(stamps["Healthy"], Is.EqualTo(recovery), "Healthy re-entered on the recovery date");
            Assert.That(final.Stage.Stage, Is.EqualTo("Healthy"));
            Assert.That(transitions.Select(t => (t.To, t.On)), Is.EqualTo(new (string?, DateOnly)[]
            {
                ("New Customer", Won), ("Onboarding", Kickoff), ("Adopting", adopting), ("Healthy", healthyCondition),
                ("At-Risk", riskEntry), ("Healthy", recovery),
            }));
            Assert.That(transitions.Select(t => t.Source), Is.All.EqualTo(StageSource.Backfill));
        });
    }

    [Test]
    public void BackfillReplay_OfAYear_DatesStatesAndMilestonesByTheirFirstDay()
    {
        var history = History();
        var (_, _, final) = Replay(history, 365);
        var vaaHitSince = FirstDay(d => ValueActions(history, d, 0, 14) >= 10);
        var teamAdoption = FirstDay(d => MaxActiveUsers(history, d) >= 3);

        Assert.Multiple(() =>
        {
            Assert.That(final.States[(int)CsState.ValueActionAdoption].Reading, Is.EqualTo(new StateReading(StateValue.Hit, vaaHitSince)));
            Assert.That(final.Milestones.CompletedOn["first_user_active"], Is.EqualTo(Won), "first active user counts from the customer start");
            Assert.That(final.Milestones.CompletedOn["first_project"], Is.EqualTo(D0.AddDays(45)));
            Assert.That(final.Milestones.CompletedOn["first_value_action"], Is.EqualTo(D0.AddDays(60)));
            Assert.That(final.Milestones.CompletedOn["team_adoption"], Is.EqualTo(teamAdoption));
            Assert.That(final.Milestones.Stalled, Is.True, "integration never goes live");
            Assert.That(final.Milestones.StalledSince, Is.EqualTo(teamAdoption.AddDays(45 + 1)), "stalls the day after 45 target days");
        });
    }

    private static (Dictionary<string, DateOnly> Stamps, List<Transition> Transitions, EvaluationResult Final) Replay(AccountSnapshot snapshot, int days)
    {
        var transitions = new List<Transition>();
        EvaluationResult? result = null;
        for (var day = 0; day < days; day++)
        {
            result = RulesEngine.Default.Evaluate(snapshot, D0.AddDays(day), EvaluationMode.Backfill);
            transitions.AddRange(result.Stage.Transitions);
            snapshot = result.Apply(snapshot);
        }

        return (new Dictionary<string, DateOnly>(result!.Stage.EntryDates), transitions, result);
    }

    /// <summary>The one at-risk episode, read straight from the spec: enter on the first day core events halved;
    /// leave on the first day, at least 14 days later, when they are not.</summary>
    private static (DateOnly Entry, DateOnly Recovery) RiskEpisode(AccountSnapshot history)
    {
        var entry = FirstDay(d => d >= Won && CoreEventsHalved(history, d));
        var recovery = FirstDay(d => d.DayNumber - entry.DayNumber >= 14 && !CoreEventsHalved(history, d));
        return (entry, recovery);
    }

    private static bool CoreEventsHalved(AccountSnapshot h, DateOnly d)
    {
        var last = CoreEvents(h, d, 0, 30);
        var previous = CoreEvents(h, d, 30, 30);
        return previous >= 3 && last * 2 <= previous;
    }

    private static DateOnly FirstDay(Func<DateOnly, bool> condition)
    {
        for (var d = D0; d < D0.AddDays(365); d = d.AddDays(1))
        {
            if (condition(d))
            {
                return d;
            }
        }

        throw new AssertionException("the condition never held in the year");
    }

    private static IEnumerable<UsageRow> Window(AccountSnapshot h, DateOnly asOf, int skip, int days) =>
        h.Usage.Where(u => u.Date >= Won && u.Date <= asOf.AddDays(-skip) && u.Date > asOf.AddDays(-skip - days));

    private static int ValueActions(AccountSnapshot h, DateOnly asOf, int skip, int days) => Window(h, asOf, skip, days).Sum(u => u.ValueActions);

    private static int CoreEvents(AccountSnapshot h, DateOnly asOf, int skip, int days) =>
        h.Usage.Where(u => u.Date <= asOf.AddDays(-skip) && u.Date > asOf.AddDays(-skip - days)).Sum(u => u.CoreEvents);

    private static int MaxActiveUsers(AccountSnapshot h, DateOnly asOf) => Window(h, asOf, 0, 30).Select(u => u.ActiveUsers).DefaultIfEmpty(0).Max();

    /// <summary>Trial usage before the sale, adoption from day 60, a second user on day 100, a third on day 100, a
    /// core-event outage from day 200 to 239.</summary>
    private static AccountSnapshot History()
    {
        var rows = new List<UsageRow>();
        for (var d = D0; d < D0.AddDays(365); d = d.AddDays(1))
        {
            var day = d.DayNumber - D0.DayNumber;
            rows.Add(new UsageRow
            {
                Date = d,
                ActiveUsers = day < 10 ? 1 : day < 25 ? 0 : day < 100 ? 1 : 3,
                ValueActions = day < 60 ? 0 : 1,
                CoreEvents = day < 10 ? 0 : day is >= 200 and < 240 ? 0 : 2,
                Metrics = day == 45 ? new Dictionary<string, double> { ["projects_created"] = 1 } : new Dictionary<string, double>(),
            });
        }

        return Some.Account("replay") with
        {
            Opportunities = [Some.Won(Won)],
            KickoffOn = Kickoff,
            OnboardingCompleteOn = OnboardingComplete,
            Usage = rows,
        };
    }
}
