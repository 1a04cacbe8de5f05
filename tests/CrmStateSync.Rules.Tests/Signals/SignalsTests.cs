using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Signals;
using static CrmStateSync.Rules.Tests.Some;

namespace CrmStateSync.Rules.Tests.Signals;

/// <summary>rules.md §2 signals and the window readings of the preamble and §8 "Usage and settings".</summary>
public class SignalsTests
{
    private static Rules.Signals.Signals Build(AccountSnapshot snapshot, DateOnly? factsFrom = null) =>
        SignalsBuilder.Build(snapshot, AsOf, new Thresholds(), default, factsFrom ?? DateOnly.MinValue);

    [TestCase(0, true, TestName = "rules.md preamble: last 14 days includes as-of")]
    [TestCase(13, true, TestName = "rules.md preamble: last 14 days is [asOf-13, asOf] (day 13 in)")]
    [TestCase(14, false, TestName = "rules.md preamble: last 14 days excludes asOf-14")]
    public void ValueActions14d_WindowIsInclusive(int daysAgo, bool counted)
    {
        var s = Build(Account() with { Usage = [Usage(DaysAgo(daysAgo), valueActions: 5)] });
        Assert.That(s.ValueActions14d, Is.EqualTo(counted ? 5 : 0));
    }

    [TestCase(13, false, TestName = "rules.md preamble: previous 14 days excludes asOf-13")]
    [TestCase(14, true, TestName = "rules.md preamble: previous 14 days is [asOf-27, asOf-14] (day 14 in)")]
    [TestCase(27, true, TestName = "rules.md preamble: previous 14 days includes asOf-27")]
    [TestCase(28, false, TestName = "rules.md preamble: previous 14 days excludes asOf-28")]
    public void ValueActionsPrev14d_WindowIsInclusive(int daysAgo, bool counted)
    {
        var s = Build(Account() with { Usage = [Usage(DaysAgo(daysAgo), valueActions: 4)] });
        Assert.That(s.ValueActionsPrev14d, Is.EqualTo(counted ? 4 : 0));
    }

    [Test]
    public void CoreEvents_LastAndPrevious30Days_SplitAtAsOfMinus30()
    {
        var s = Build(Account() with { Usage = [Usage(DaysAgo(29), coreEvents: 3), Usage(DaysAgo(30), coreEvents: 7), Usage(DaysAgo(59), coreEvents: 1), Usage(DaysAgo(60), coreEvents: 100)] });
        Assert.Multiple(() =>
        {
            Assert.That(s.CoreEvents30d, Is.EqualTo(3));
            Assert.That(s.CoreEventsPrev30d, Is.EqualTo(8));
        });
    }

    [Test]
    public void ActiveUsers30d_IsTheMaxDailyFigure_AndAWeeklyRowReadsAsDaily()
    {
        var s = Build(Account() with { Usage = [Usage(DaysAgo(1), activeUsers: 2), Usage(DaysAgo(7), activeUsers: 5), Usage(DaysAgo(40), activeUsers: 9)] });
        Assert.That(s.ActiveUsers30d, Is.EqualTo(5));
    }

    [Test]
    public void Signals_IgnoreFactsDatedAfterAsOf()
    {
        var s = Build(Account() with
        {
            Usage = [Usage(DaysAhead(1), activeUsers: 4, valueActions: 9)],
            Opportunities = [Won(DaysAhead(2))],
            KickoffOn = DaysAhead(1),
            GoalReviewedOn = DaysAhead(3),
            LastOutcomeOn = DaysAhead(1),
        });
        Assert.Multiple(() =>
        {
            Assert.That(s.ValueActions14d, Is.Zero);
            Assert.That(s.FirstActiveOn, Is.Null);
            Assert.That(s.HasClosedWon, Is.False, "an opportunity closing tomorrow is still open today");
            Assert.That(s.KickoffOn, Is.Null);
            Assert.That(s.DaysSinceGoalReview, Is.Null);
            Assert.That(s.LastOutcomeOn, Is.Null);
        });
    }

    [Test]
    public void FirstActiveOn_IsTheFirstRowWithAnActiveUser_OnOrAfterTheFactsFilter()
    {
        var account = Account() with { Usage = [Usage(DaysAgo(50), activeUsers: 1), Usage(DaysAgo(40), activeUsers: 0), Usage(DaysAgo(20), activeUsers: 3)] };
        Assert.Multiple(() =>
        {
            Assert.That(Build(account).FirstActiveOn, Is.EqualTo(DaysAgo(50)));
            Assert.That(Build(account, factsFrom: DaysAgo(45)).FirstActiveOn, Is.EqualTo(DaysAgo(20)), "trial usage before the sale does not count");
        });
    }

    [Test]
    public void ActiveContacts30d_CountsNonDepartedContactsActiveInTheLast30Days_AndTheirDistinctFunctions()
    {
        var s = Build(Account() with
        {
            Contacts =
            [
                Contact("a", "Finance", lastActiveOn: DaysAgo(29)),
                Contact("b", "finance", lastActiveOn: DaysAgo(2)),
                Contact("c", null, lastActiveOn: DaysAgo(1)),
                Contact("d", "IT", lastActiveOn: DaysAgo(30)),
                Contact("e", "Sales", lastActiveOn: DaysAgo(1), departedOn: DaysAgo(5)),
            ],
        });
        Assert.Multiple(() =>
        {
            Assert.That(s.ActiveContacts30d, Is.EqualTo(3), "a, b, c: d is outside [asOf-29, asOf], e departed");
            Assert.That(s.ActiveFunctions30d, Is.EqualTo(1), "Finance once; a contact with no function adds none");
        });
    }

    [Test]
    public void ExecSponsorEngagedDaysAgo_IsTheMostRecentEngagementOfANonDepartedSponsor()
    {
        var s = Build(Account() with
        {
            Contacts =
            [
                Contact("x", role: ContactRole.ExecSponsor, lastEngagedOn: DaysAgo(70)),
                Contact("y", role: ContactRole.ExecSponsor, lastEngagedOn: DaysAgo(12)),
                Contact("z", role: ContactRole.ExecSponsor, lastEngagedOn: DaysAgo(1), departedOn: DaysAgo(1)),
                Contact("u", role: ContactRole.User, lastEngagedOn: DaysAgo(0)),
            ],
        });
        Assert.That(s.ExecSponsorEngagedDaysAgo, Is.EqualTo(12));
    }

    [Test]
    public void ActiveSubscription_ComesFromWonNewBusinessOrRenewal_NotFromExpansion()
    {
        var expansionOnly = Build(Account() with { Opportunities = [Won(DaysAgo(10), type: OpportunityType.Expansion)] });
        var renewal = Build(Account() with { Opportunities = [Won(DaysAgo(10), DaysAhead(100), OpportunityType.Renewal)] });
        Assert.Multiple(() =>
        {
            Assert.That(expansionOnly.HasClosedWon, Is.True);
            Assert.That(expansionOnly.ActiveSubscription, Is.False, "rules.md §8: an Expansion adds to a subscription, never creates one");
            Assert.That(renewal.ActiveSubscription, Is.True);
        });
    }

    [TestCase(0, true, TestName = "rules.md §2 ActiveSubscription: a contract ending on as-of is active")]
    [TestCase(-1, false, TestName = "rules.md §2 ActiveSubscription: a contract that ended yesterday is not")]
    public void ActiveSubscription_EndsAfterTheContractEnd(int endInDays, bool active)
    {
        var s = Build(Account() with { Opportunities = [Won(DaysAgo(300), AsOf.AddDays(endInDays))] });
        Assert.That(s.ActiveSubscription, Is.EqualTo(active));
    }

    [Test]
    public void ActiveSubscription_NotBeforeTheContractStarts()
    {
        var s = Build(Account() with { Opportunities = [Won(DaysAgo(5)) with { ContractStart = DaysAhead(10) }] });
        Assert.That(s.ActiveSubscription, Is.False);
    }

    [Test]
    public void RenewalInDays_IsTheEarliestOfActiveContractEndsAndOpenRenewals_OnOrAfterAsOf()
    {
        var s = Build(Account() with { Opportunities = [Won(DaysAgo(300), DaysAhead(80)), OpenRenewal(DaysAhead(45)), OpenRenewal(DaysAgo(3), "late")] });
        Assert.Multiple(() =>
        {
            Assert.That(s.RenewalOn, Is.EqualTo(DaysAhead(45)));
            Assert.That(s.RenewalInDays, Is.EqualTo(45));
        });
    }

    [Test]
    public void SumAndTotal_AddANamedMetricOverAWindowOrAllUsage()
    {
        var metrics = new Dictionary<string, double> { ["projects_created"] = 2 };
        var s = Build(Account() with { Usage = [Usage(DaysAgo(0), metrics: metrics), Usage(DaysAgo(6), metrics: metrics), Usage(DaysAgo(7), metrics: metrics), Usage(DaysAhead(1), metrics: metrics)] });
        Assert.Multiple(() =>
        {
            Assert.That(s.Sum("projects_created", 7), Is.EqualTo(4), "[asOf-6, asOf]");
            Assert.That(s.Total("projects_created"), Is.EqualTo(6), "every row up to as-of");
            Assert.That(s.Total("unknown_metric"), Is.Zero);
        });
    }

    [Test]
    public void DaysSinceGoalReview_And_LatestGoalChange()
    {
        var s = Build(Account() with { GoalReviewedOn = DaysAgo(91), GoalChangedOn = DaysAgo(40), LeadershipChangeOn = DaysAgo(20) });
        Assert.Multiple(() =>
        {
            Assert.That(s.DaysSinceGoalReview, Is.EqualTo(91));
            Assert.That(s.LatestGoalChangeOn, Is.EqualTo(DaysAgo(20)), "rules.md §8: the later of goalChangedOn and leadershipChangeOn");
        });
    }
}
