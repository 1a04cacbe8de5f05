using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.States;

/// <summary>rules.md §4 row 05 and §8 "States": Outcome Attribution (review cycle 90 days; precedence Hit &gt; Slipping &gt; Reset).</summary>
public class OutcomeAttributionTests
{
    private const CsState State = CsState.OutcomeAttribution;

    private static StateReading ReadingOf(AccountSnapshot account) => Some.StateOf(account, State).Reading;

    private static AccountSnapshot OutcomeDaysAgo(int days, int wonDaysAgo = 300) =>
        Some.CustomerForStates(wonDaysAgo) with { LastOutcomeOn = Some.DaysAgo(days), LastOutcome = "Close time down 30%" };

    [TestCase(0, StateValue.Hit, TestName = "rules.md §4 05 Hit: outcome attributed today")]
    [TestCase(90, StateValue.Hit, TestName = "rules.md §8 05 boundary: outcome 90 days old is Hit")]
    [TestCase(91, StateValue.Reset, TestName = "rules.md §8 05 boundary: outcome 91 days old is Reset (decayed after one cycle)")]
    [TestCase(180, StateValue.Reset, TestName = "rules.md §8 05 boundary: outcome 180 days old is Reset")]
    [TestCase(181, StateValue.Slipping, TestName = "rules.md §8 05 boundary: outcome 181 days old is Slipping (two cycles without attribution)")]
    public void Evaluate_OutcomeAge_FollowsTheRollingCycle(int outcomeDaysAgo, StateValue expected)
    {
        Assert.That(ReadingOf(OutcomeDaysAgo(outcomeDaysAgo)), Is.EqualTo(Some.Reading(expected, outcomeDaysAgo)));
    }

    [Test(Description = "rules.md §4 05 Reset decays naturally: no grace, a previous Hit does not keep an outcome 91 days old")]
    public void Evaluate_DecayedAfterHit_IsResetWithoutGrace()
    {
        var account = OutcomeDaysAgo(91).WithPreviousState(State, StateValue.Hit, Some.DaysAgo(91));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Reset, 91)));
    }

    [TestCase(180, StateValue.Reset, TestName = "rules.md §8 05 never attributed: a customer for 180 days is Reset, verified-on null")]
    [TestCase(181, StateValue.Slipping, TestName = "rules.md §8 05 never attributed: a customer for 181 days is Slipping, verified-on null")]
    public void Evaluate_NeverAttributed_DependsOnDaysAsCustomer(int wonDaysAgo, StateValue expected)
    {
        Assert.That(ReadingOf(Some.CustomerForStates(wonDaysAgo)), Is.EqualTo(Some.Reading(expected, null)));
    }

    [Test(Description = "rules.md §8 05 never attributed: customer since the first won close date, not a later win")]
    public void Evaluate_NeverAttributedWithLaterWin_CountsFromFirstWin()
    {
        var account = Some.CustomerForStates(181) with
        {
            Opportunities = [Some.Won(Some.DaysAgo(181)), Some.Won(Some.DaysAgo(50), type: OpportunityType.Expansion, id: "opp-2")],
        };

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Slipping, null)));
    }

    [Test(Description = "rules.md §8 05 never attributed and never a customer is Reset, verified-on null")]
    public void Evaluate_NeverAttributedNoCustomer_IsResetWithoutDate()
    {
        Assert.That(ReadingOf(Some.Account()), Is.EqualTo(Some.Reading(StateValue.Reset, null)));
    }

    [TestCase(30, null, 30, TestName = "rules.md §8 05 never attributed past day 180 is dated by the latest goal change (goalChangedOn)")]
    [TestCase(30, 20, 20, TestName = "rules.md §8 05 never attributed past day 180 is dated by the latest goal change (later leadershipChangeOn)")]
    public void Evaluate_NeverAttributedPastTwoCyclesWithGoalChange_IsDatedByLatestGoalChange(int goalChangedDaysAgo, int? leadershipDaysAgo, int expectedDaysAgo)
    {
        var account = Some.CustomerForStates(181) with
        {
            GoalChangedOn = Some.DaysAgo(goalChangedDaysAgo),
            LeadershipChangeOn = leadershipDaysAgo is { } l ? Some.DaysAgo(l) : null,
        };

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Slipping, expectedDaysAgo)));
    }

    [Test(Description = "rules.md §8 05 never established is checked before the goal-change slip")]
    public void Evaluate_NeverAttributedNewCustomerWithGoalChange_IsResetWithoutDate()
    {
        var account = Some.CustomerForStates(180) with { GoalChangedOn = Some.DaysAgo(30) };

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Reset, null)));
    }

    [Test(Description = "rules.md §4 05 Slipping: a goal change with no outcome after it; §8 dated by the goal change")]
    public void Evaluate_GoalChangeAfterOutcome_IsSlippingDatedByChange()
    {
        var account = OutcomeDaysAgo(20) with { GoalChangedOn = Some.DaysAgo(10) };

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Slipping, 10)));
    }

    [TestCase(10, TestName = "rules.md §8 05 boundary: an outcome on the day of the goal change counts (Hit)")]
    [TestCase(5, TestName = "rules.md §4 05 Hit: an outcome after the goal change counts")]
    public void Evaluate_OutcomeOnOrAfterGoalChange_IsHit(int outcomeDaysAgo)
    {
        var account = OutcomeDaysAgo(outcomeDaysAgo) with { GoalChangedOn = Some.DaysAgo(10) };

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Hit, outcomeDaysAgo)));
    }

    [TestCase(30, 10, 10, TestName = "rules.md §8 05 latest goal change = later of goalChangedOn and leadershipChangeOn: leadership change later")]
    [TestCase(10, 30, 10, TestName = "rules.md §8 05 latest goal change = later of goalChangedOn and leadershipChangeOn: goal change later")]
    public void Evaluate_LatestGoalChangeAfterOutcome_IsSlippingDatedByLaterChange(int goalChangedDaysAgo, int leadershipDaysAgo, int expectedDaysAgo)
    {
        var account = OutcomeDaysAgo(20) with { GoalChangedOn = Some.DaysAgo(goalChangedDaysAgo), LeadershipChangeOn = Some.DaysAgo(leadershipDaysAgo) };

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Slipping, expectedDaysAgo)));
    }

    [Test(Description = "rules.md §8 05 an outcome on the day of the leadership change counts (Hit)")]
    public void Evaluate_OutcomeOnTheDayOfTheLeadershipChange_IsHit()
    {
        var account = OutcomeDaysAgo(10) with { GoalChangedOn = Some.DaysAgo(30), LeadershipChangeOn = Some.DaysAgo(10) };

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Hit, 10)));
    }

    [Test(Description = "rules.md §8 05 precedence Slipping > Reset: a decayed outcome with a goal change after it is Slipping")]
    public void Evaluate_DecayedOutcomeAndGoalChange_IsSlipping()
    {
        var account = OutcomeDaysAgo(100) with { GoalChangedOn = Some.DaysAgo(50) };

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Slipping, 50)));
    }

    [Test(Description = "rules.md §8 05 precedence Hit > Slipping: a current outcome is Hit however long the account has been a customer")]
    public void Evaluate_CurrentOutcomeForLongCustomer_IsHit()
    {
        var account = OutcomeDaysAgo(30, wonDaysAgo: 900).WithPreviousState(State, StateValue.Slipping, Some.DaysAgo(200));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Hit, 30)));
    }
}
