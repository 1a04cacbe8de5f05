using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.States;

/// <summary>rules.md §4 row 01 and §8 "States": Goal Clarity.</summary>
public class GoalClarityTests
{
    private const CsState State = CsState.GoalClarity;

    [TestCase(0, StateValue.Hit, TestName = "rules.md §4 01 Hit: review today")]
    [TestCase(90, StateValue.Hit, TestName = "rules.md §4 01 Hit: review 90 days ago (within 90)")]
    [TestCase(91, StateValue.Hit, TestName = "rules.md §8 01 grace with nothing to keep: review 91 days ago is Hit dated goalReviewedOn")]
    [TestCase(120, StateValue.Hit, TestName = "rules.md §8 01 grace with nothing to keep: review 120 days ago is Hit dated goalReviewedOn")]
    [TestCase(121, StateValue.Slipping, TestName = "rules.md §4 01 Slipping: last review 121 days ago (> 120), dated goalReviewedOn")]
    public void Evaluate_ReviewAgeWithoutPreviousValue_FollowsTheReviewWindows(int reviewedDaysAgo, StateValue expected)
    {
        var account = Some.CustomerForStates().WithGoal(reviewedDaysAgo);

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(expected, reviewedDaysAgo)));
    }

    [TestCase(91, StateValue.Slipping, 150, TestName = "rules.md §8 01 grace keeps previous value and date: review 91 days ago, was Slipping")]
    [TestCase(120, StateValue.Reset, 140, TestName = "rules.md §8 01 grace keeps previous value and date: review 120 days ago, was Reset")]
    [TestCase(100, StateValue.Hit, 130, TestName = "rules.md §8 01 grace keeps previous value and date: review 100 days ago, was Hit")]
    public void Evaluate_ReviewBetween91And120Days_KeepsPreviousValueAndDate(int reviewedDaysAgo, StateValue previous, int previousDaysAgo)
    {
        var account = Some.CustomerForStates().WithGoal(reviewedDaysAgo).WithPreviousState(State, previous, Some.DaysAgo(previousDaysAgo));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(previous, previousDaysAgo)));
    }

    [TestCase(StateValue.Hit, TestName = "rules.md §8 01 a fired slip gives Slipping whatever the previous value: was Hit")]
    [TestCase(StateValue.Reset, TestName = "rules.md §8 01 a fired slip gives Slipping whatever the previous value: was Reset")]
    public void Evaluate_StaleReviewWithPreviousValue_IsSlipping(StateValue previous)
    {
        var account = Some.CustomerForStates().WithGoal(121).WithPreviousState(State, previous, Some.DaysAgo(10));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Slipping, 121)));
    }

    [Test(Description = "rules.md §8 01 review within 90 days gives Hit over a previous Slipping, dated goalReviewedOn")]
    public void Evaluate_FreshReviewAfterSlipping_IsHitDatedByReview()
    {
        var account = Some.CustomerForStates().WithGoal(5).WithPreviousState(State, StateValue.Slipping, Some.DaysAgo(130));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Hit, 5)));
    }

    [TestCase(null, "goal", 30, TestName = "rules.md §8 01 never established: no goal owner gives Reset, verified-on null")]
    [TestCase("c-owner", null, 30, TestName = "rules.md §8 01 never established: no primary goal gives Reset, verified-on null")]
    [TestCase("c-owner", "goal", null, TestName = "rules.md §8 01 never established: no review ever gives Reset, verified-on null")]
    public void Evaluate_NeverEstablished_IsResetWithoutDate(string? owner, string? goal, int? reviewedDaysAgo)
    {
        var account = Some.CustomerForStates() with
        {
            GoalOwnerId = owner,
            PrimaryGoal = goal,
            GoalReviewedOn = reviewedDaysAgo is { } d ? Some.DaysAgo(d) : null,
        };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Reset, null)));
    }

    [Test(Description = "rules.md §8 never established is decided from the inputs alone, not from previous values")]
    public void Evaluate_NeverEstablishedWithPreviousHit_IsResetWithoutDate()
    {
        var account = Some.CustomerForStates().WithGoal(null).WithPreviousState(State, StateValue.Hit, Some.DaysAgo(40));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Reset, null)));
    }

    [Test(Description = "rules.md §4 01 Slipping: goal owner departed; §8 verified-on the goal owner's departedOn")]
    public void Evaluate_GoalOwnerDeparted_IsSlippingDatedByDeparture()
    {
        var account = Some.CustomerForStates().WithGoal(10).WithContacts(Some.Contact("c-owner", departedOn: Some.DaysAgo(5)));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Slipping, 5)));
    }

    [Test(Description = "rules.md §8 01 Slipping verified-on: the goal owner's departedOn, or else goalReviewedOn")]
    public void Evaluate_GoalOwnerDepartedAndReviewStale_IsDatedByDeparture()
    {
        var account = Some.CustomerForStates().WithGoal(130).WithContacts(Some.Contact("c-owner", departedOn: Some.DaysAgo(5)));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Slipping, 5)));
    }

    [Test(Description = "rules.md §4 01 Hit needs the goal owner not departed: another contact's departure does not slip")]
    public void Evaluate_OtherContactDeparted_IsHit()
    {
        var account = Some.CustomerForStates().WithGoal(10).WithContacts(Some.Contact("c-owner"), Some.Contact("c-other", departedOn: Some.DaysAgo(5)));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Hit, 10)));
    }

    [Test(Description = "rules.md §4 01 Reset: a leadership change after the last review resets; §8 verified-on leadershipChangeOn")]
    public void Evaluate_LeadershipChangeAfterReview_IsResetDatedByChange()
    {
        var account = Some.CustomerForStates().WithGoal(30) with { LeadershipChangeOn = Some.DaysAgo(10) };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Reset, 10)));
    }

    [Test(Description = "rules.md §4 01 Reset: a leadership change on the day of the review is not after it (no reset)")]
    public void Evaluate_LeadershipChangeSameDayAsReview_IsHit()
    {
        var account = Some.CustomerForStates().WithGoal(30) with { LeadershipChangeOn = Some.DaysAgo(30) };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Hit, 30)));
    }

    [Test(Description = "rules.md §4 01 Reset lasts until a review after that change")]
    public void Evaluate_ReviewAfterLeadershipChange_IsHit()
    {
        var account = Some.CustomerForStates().WithGoal(30) with { LeadershipChangeOn = Some.DaysAgo(31) };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Hit, 30)));
    }

    [Test(Description = "rules.md §8 a leadership change resets Goal Clarity even when no review exists, dated by the change")]
    public void Evaluate_LeadershipChangeWithoutReview_IsResetDatedByChange()
    {
        var account = Some.CustomerForStates().WithGoal(null) with { LeadershipChangeOn = Some.DaysAgo(12) };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Reset, 12)));
    }

    [Test(Description = "rules.md §8 a leadership change wins over never established (no owner, no goal, no review)")]
    public void Evaluate_LeadershipChangeOnEmptyGoals_IsResetDatedByChange()
    {
        var account = Some.CustomerForStates() with { LeadershipChangeOn = Some.DaysAgo(12) };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Reset, 12)));
    }

    [Test(Description = "rules.md §8 precedence Reset > Slipping: leadership change after review beats a departed goal owner")]
    public void Evaluate_LeadershipChangeAndOwnerDeparted_IsReset()
    {
        var account = Some.CustomerForStates().WithGoal(30).WithContacts(Some.Contact("c-owner", departedOn: Some.DaysAgo(5)))
            with { LeadershipChangeOn = Some.DaysAgo(10) };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Reset, 10)));
    }

    [Test(Description = "rules.md §8 precedence Reset > Slipping: leadership change after a stale review beats the stale-review slip")]
    public void Evaluate_LeadershipChangeAfterStaleReview_IsReset()
    {
        var account = Some.CustomerForStates().WithGoal(130) with { LeadershipChangeOn = Some.DaysAgo(125) };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Reset, 125)));
    }

    [Test(Description = "rules.md §8 precedence Reset > Slipping: never established (no primary goal) beats a departed goal owner")]
    public void Evaluate_NoPrimaryGoalAndOwnerDeparted_IsReset()
    {
        var account = Some.CustomerForStates().WithGoal(10).WithContacts(Some.Contact("c-owner", departedOn: Some.DaysAgo(5)))
            with { PrimaryGoal = null };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Reset, null)));
    }
}
