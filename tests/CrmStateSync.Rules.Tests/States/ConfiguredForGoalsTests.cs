using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.States;

/// <summary>rules.md §4 row 02 and §8 "States": Configured for Goals.</summary>
public class ConfiguredForGoalsTests
{
    private const CsState State = CsState.ConfiguredForGoals;

    /// <summary>Goal Clarity Hit (reviewed 30 days ago), workflows live, verified 40 days ago, one value action 2 days ago.</summary>
    private static AccountSnapshot Configured() =>
        Some.CustomerForStates().WithGoal(30).WithConfiguration(40).WithValueActions((2, 1));

    [Test(Description = "rules.md §4 02 Hit: workflows live, verified, value actions in the last 14 days > 0; §8 verified-on configVerifiedOn")]
    public void Evaluate_LiveVerifiedAndUsed_IsHitDatedByVerification()
    {
        Assert.That(Some.StateOf(Configured(), State).Reading, Is.EqualTo(Some.Reading(StateValue.Hit, 40)));
    }

    [Test(Description = "rules.md §4 02 Hit: configuration verified on the day of the latest goal change counts (on/after)")]
    public void Evaluate_VerifiedOnTheDayOfTheGoalChange_IsHit()
    {
        var account = Configured() with { GoalChangedOn = Some.DaysAgo(40) };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Hit, 40)));
    }

    [Test(Description = "rules.md §4 02 Slipping: configuration verified before the goal change; §8 verified-on the latest goal change")]
    public void Evaluate_GoalChangedAfterVerification_IsSlippingDatedByChange()
    {
        var account = Configured() with { GoalChangedOn = Some.DaysAgo(20) };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Slipping, 20)));
    }

    // The review (20 days ago) follows the leadership change, so Goal Clarity stays Hit and only the staleness shows.
    [TestCase(35, 25, 25, TestName = "rules.md §4 02 latest goal change is the later of goalChangedOn and leadershipChangeOn: leadership later")]
    [TestCase(25, 35, 25, TestName = "rules.md §4 02 latest goal change is the later of goalChangedOn and leadershipChangeOn: goal change later")]
    [TestCase(null, 20, 20, TestName = "rules.md §4 02 latest goal change: a leadership change on the day of the review (no Goal Clarity reset) still stales")]
    public void Evaluate_LatestGoalChangeAfterVerification_IsSlippingDatedByLaterChange(int? goalChangedDaysAgo, int leadershipDaysAgo, int expectedDaysAgo)
    {
        var account = Configured().WithGoal(20) with
        {
            GoalChangedOn = goalChangedDaysAgo is { } g ? Some.DaysAgo(g) : null,
            LeadershipChangeOn = Some.DaysAgo(leadershipDaysAgo),
        };
        var result = Some.Evaluation(account);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.States[(int)CsState.GoalClarity].Value, Is.EqualTo(StateValue.Hit));
            Assert.That(result.States[(int)State].Reading, Is.EqualTo(Some.Reading(StateValue.Slipping, expectedDaysAgo)));
        }
    }

    [Test(Description = "rules.md §4 02 Slipping: a workflow gap reported after the last verification; §8 verified-on workflowGapOn")]
    public void Evaluate_WorkflowGapAfterVerification_IsSlippingDatedByGap()
    {
        var account = Configured() with { WorkflowGapOn = Some.DaysAgo(10) };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Slipping, 10)));
    }

    [TestCase(40, TestName = "rules.md §4 02 a workflow gap on the day of the verification is not after it")]
    [TestCase(50, TestName = "rules.md §4 02 a workflow gap before the verification does not slip")]
    public void Evaluate_WorkflowGapNotAfterVerification_IsHit(int gapDaysAgo)
    {
        var account = Configured() with { WorkflowGapOn = Some.DaysAgo(gapDaysAgo) };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Hit, 40)));
    }

    [Test(Description = "rules.md §4 02 Reset whenever Goal Clarity is Reset; §8 verified-on Goal Clarity's verified-on (the leadership change)")]
    public void Evaluate_GoalClarityResetByLeadershipChange_IsResetDatedByGoalClarity()
    {
        // Verified after the change, so without the cross-state rule this would be Hit.
        var account = Configured().WithConfiguration(5) with { LeadershipChangeOn = Some.DaysAgo(10) };
        var result = Some.Evaluation(account);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.States[(int)CsState.GoalClarity].Reading, Is.EqualTo(Some.Reading(StateValue.Reset, 10)));
            Assert.That(result.States[(int)State].Reading, Is.EqualTo(Some.Reading(StateValue.Reset, 10)));
        }
    }

    [Test(Description = "rules.md §8 02 never established: Goal Clarity Reset (never established) gives Reset with its null verified-on")]
    public void Evaluate_GoalClarityNeverEstablished_IsResetWithoutDate()
    {
        var account = Configured() with { GoalOwnerId = null };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Reset, null)));
    }

    [Test(Description = "rules.md §8 02 never established: configuration never verified gives Reset, verified-on null")]
    public void Evaluate_NeverVerified_IsResetWithoutDate()
    {
        var account = Configured().WithConfiguration(null).WithPreviousState(State, StateValue.Hit, Some.DaysAgo(40));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Reset, null)));
    }

    [Test(Description = "rules.md §8 02 precedence Reset > Slipping: Goal Clarity Reset beats a workflow gap")]
    public void Evaluate_GoalClarityResetAndWorkflowGap_IsReset()
    {
        var account = Configured() with { LeadershipChangeOn = Some.DaysAgo(10), WorkflowGapOn = Some.DaysAgo(3) };

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Reset, 10)));
    }

    [TestCase(StateValue.Slipping, 60, TestName = "rules.md §8 02 grace keeps previous value and date: workflows not live, was Slipping")]
    [TestCase(StateValue.Reset, 70, TestName = "rules.md §8 02 grace keeps previous value and date: workflows not live, was Reset")]
    public void Evaluate_WorkflowsNotLive_KeepsPreviousValueAndDate(StateValue previous, int previousDaysAgo)
    {
        var account = Configured().WithConfiguration(40, workflowsLive: false).WithPreviousState(State, previous, Some.DaysAgo(previousDaysAgo));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(previous, previousDaysAgo)));
    }

    [Test(Description = "rules.md §8 02 grace with nothing to keep: workflows not live, no previous value, is Hit dated configVerifiedOn")]
    public void Evaluate_WorkflowsNotLiveWithoutPreviousValue_IsHitDatedByVerification()
    {
        var account = Configured().WithConfiguration(40, workflowsLive: false);

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Hit, 40)));
    }

    [TestCase(13, StateValue.Hit, 40, TestName = "rules.md §4 02 Hit: a value action on asOf-13 is in the last 14 days")]
    [TestCase(14, StateValue.Slipping, 60, TestName = "rules.md §8 02 grace: a value action on asOf-14 is outside the last 14 days (keeps Slipping)")]
    public void Evaluate_ValueActionWindow_DecidesHitOrGrace(int valueActionDaysAgo, StateValue expected, int expectedDaysAgo)
    {
        var account = Configured().WithValueActions((valueActionDaysAgo, 5)).WithPreviousState(State, StateValue.Slipping, Some.DaysAgo(60));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(expected, expectedDaysAgo)));
    }
}
