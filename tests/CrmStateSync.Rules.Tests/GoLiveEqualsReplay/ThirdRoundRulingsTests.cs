using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.GoLiveEqualsReplay;

/// <summary>
/// rules.md §8 "Go-live equals replay (third round)": 02 Slipping by two causes, a new event while already Reset,
/// previous values at go-live, milestone stall at first sight, and grace with a never-established previous value.
/// </summary>
public class ThirdRoundRulingsTests
{
    private static IReadOnlyList<Intervention> Raised(AccountSnapshot account, InterventionKind kind) =>
        [.. Some.Evaluation(account).Interventions.Where(i => i.Kind == kind)];

    // ---- 02 Slipping by two causes ----

    [TestCase(10, 20, 10, TestName = "rules.md §8 02 Slipping by two causes: verified-on is the later of the two, the gap")]
    [TestCase(20, 10, 10, TestName = "rules.md §8 02 Slipping by two causes: verified-on is the later of the two, the goal change")]
    [TestCase(15, 15, 15, TestName = "rules.md §8 02 Slipping by two causes: both on the same day")]
    public void Evaluate_WorkflowGapAndStaleConfiguration_IsSlippingDatedByTheLaterCause(int gapDaysAgo, int goalChangedDaysAgo, int expectedDaysAgo)
    {
        var account = Some.CustomerForStates().WithGoal(5).WithConfiguration(40).WithValueActions((2, 1))
            with { WorkflowGapOn = Some.DaysAgo(gapDaysAgo), GoalChangedOn = Some.DaysAgo(goalChangedDaysAgo) };

        var state = Some.StateOf(account, CsState.ConfiguredForGoals);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(state.Reading, Is.EqualTo(Some.Reading(StateValue.Slipping, expectedDaysAgo)));
            Assert.That(state.Reason.ToString(), Is.EqualTo(
                $"workflow gap reported {Some.DaysAgo(gapDaysAgo):yyyy-MM-dd} and configuration verified {Some.DaysAgo(40):yyyy-MM-dd} before the goal change of {Some.DaysAgo(goalChangedDaysAgo):yyyy-MM-dd}"));
        }
    }

    // ---- A new event while already Reset ----

    [TestCase(9, 10, true, TestName = "rules.md §8 01 new event while Reset: a leadership change the day after the previous Reset's verified-on raises the conversation again")]
    [TestCase(10, 10, false, TestName = "rules.md §8 01 new event while Reset: a leadership change on the previous Reset's verified-on raises nothing")]
    [TestCase(12, 10, false, TestName = "rules.md §8 01 new event while Reset: a leadership change older than the previous Reset's verified-on raises nothing")]
    public void Evaluate_LeadershipChangeWhileReset_RaisesOnlyWhenAfterThePreviousVerifiedOn(int changeDaysAgo, int previousDaysAgo, bool raised)
    {
        var account = Some.CustomerForStates().WithGoal(200).WithPreviousState(CsState.GoalClarity, StateValue.Reset, Some.DaysAgo(previousDaysAgo))
            with { LeadershipChangeOn = Some.DaysAgo(changeDaysAgo) };

        var conversations = Raised(account, InterventionKind.GoalClarityConversation);

        Assert.That(conversations.Select(i => i.Reason), Is.EqualTo(raised
            ? new[] { $"Goal Clarity: new leadership change on {Some.DaysAgo(changeDaysAgo):yyyy-MM-dd}: leadership change on {Some.DaysAgo(changeDaysAgo):yyyy-MM-dd} after the last goal review resets goal clarity until a new review" }
            : []));
    }

    [Test(Description = "rules.md §8 01 new event while Reset: the reason never says \"entered Reset (was Reset)\"")]
    public void Evaluate_NewLeadershipChangeWhileReset_ReasonIsNotEnteredResetWasReset()
    {
        var account = Some.CustomerForStates().WithGoal(200).WithPreviousState(CsState.GoalClarity, StateValue.Reset, Some.DaysAgo(100))
            with { LeadershipChangeOn = Some.DaysAgo(3) };

        Assert.That(Raised(account, InterventionKind.GoalClarityConversation).Single().Reason, Does.Not.Contain("entered Reset (was Reset)").And.StartWith("Goal Clarity: new leadership change on "));
    }

    [TestCase(4, 5, true, TestName = "rules.md §8 04 new event while Reset: a departure the day after the previous Reset's date raises StakeholderReengagement again")]
    [TestCase(5, 5, false, TestName = "rules.md §8 04 new event while Reset: a departure the same day as the previous Reset raises nothing")]
    [TestCase(30, 5, false, TestName = "rules.md §8 04 new event while Reset: a departure older than the previous Reset raises nothing (old news)")]
    public void Evaluate_DepartureWhileReset_RaisesOnlyWhenAfterThePreviousVerifiedOn(int departedDaysAgo, int previousDaysAgo, bool raised)
    {
        var account = Some.CustomerForStates()
            .WithContacts(Some.ExecSponsor(departedDaysAgo: departedDaysAgo, activeDaysAgo: 40, engagedDaysAgo: 40), Some.Champion())
            .WithPreviousState(CsState.MultiStakeholderEngagement, StateValue.Reset, Some.DaysAgo(previousDaysAgo));

        var tasks = Raised(account, InterventionKind.StakeholderReengagement);

        Assert.That(tasks.Select(i => i.Reason), Is.EqualTo(raised
            ? new[] { $"Multi-Stakeholder Engagement: new departure of ExecSponsor on {Some.DaysAgo(departedDaysAgo):yyyy-MM-dd}: ExecSponsor departed on {Some.DaysAgo(departedDaysAgo):yyyy-MM-dd} and has not been replaced by an engaged contact" }
            : []));
    }

    [Test(Description = "rules.md §8 only 01 and 04 re-raise on a new event: 06 Removed while already Reset by an older removal raises nothing")]
    public void Evaluate_OtherKindSameValueNewDate_RaisesNothing()
    {
        var account = Some.CustomerForStates().WithIntegration(IntegrationStatus.Removed, changedDaysAgo: 2)
            .WithPreviousState(CsState.DailyWorkIntegration, StateValue.Reset, Some.DaysAgo(50));

        Assert.That(Raised(account, InterventionKind.IntegrationEscalation), Is.Empty);
    }

    // ---- Previous values at go-live ----

    [TestCase(StateValue.Hit, true, TestName = "rules.md §8 previous values at go-live: a state differing from the CRM's value (left by a previous system) raises its intervention")]
    [TestCase(StateValue.Slipping, false, TestName = "rules.md §8 previous values at go-live: a state the CRM already shows raises nothing")]
    public void Evaluate_GoLiveWithCrmStateValue_RaisesOnlyWhenItDiffers(StateValue crmValue, bool raised)
    {
        var account = Some.CustomerForStates().WithGoal(5).WithConfiguration(40).WithValueActions((2, 1)) with { WorkflowGapOn = Some.DaysAgo(3) };
        account = account.WithPreviousState(CsState.ConfiguredForGoals, crmValue, Some.DaysAgo(3));

        Assert.That(Raised(account, InterventionKind.ConfigurationReview), Has.Count.EqualTo(raised ? 1 : 0));
    }

    // ---- Milestone stall at first sight ----

    private static AccountSnapshot StalledOnKickoff() => Some.BareCustomer(wonDaysAgo: 40);

    [Test(Description = "rules.md §8 milestone stall at first sight: a previous evaluation but no previous stalled value raises MilestoneStalled")]
    public void Evaluate_StalledAfterAPreviousEvaluationWithoutStalledValue_Raises()
    {
        var account = StalledOnKickoff().WithStageWritten(DefaultRules.NewCustomer, Some.StageStamps((DefaultRules.NewCustomer, 40)));

        Assert.That(Raised(account, InterventionKind.MilestoneStalled), Has.Count.EqualTo(1));
    }

    [Test(Description = "rules.md §8 milestone stall at first sight: at go-live a CRM value (a stage a previous system left) and no stalled value raises MilestoneStalled")]
    public void Evaluate_GoLiveStalledWithACrmValue_Raises()
    {
        var account = StalledOnKickoff() with { Managed = ManagedValues.Empty with { Stage = DefaultRules.Onboarding } };

        Assert.That(Raised(account, InterventionKind.MilestoneStalled), Has.Count.EqualTo(1));
    }

    [Test(Description = "rules.md §8 milestone stall at first sight: with no CRM value at all and no previous evaluation nothing is raised")]
    public void Evaluate_GoLiveStalledWithNothingInTheCrm_RaisesNothing()
    {
        Assert.That(Raised(StalledOnKickoff(), InterventionKind.MilestoneStalled), Is.Empty);
    }

    [Test(Description = "rules.md §8 milestone stall: raised once per blocked milestone — still stalled on the same one (stalled-since moved) raises nothing")]
    public void Evaluate_StillStalledOnTheSameMilestone_RaisesNothing()
    {
        var account = StalledOnKickoff() with { Managed = ManagedValues.Empty with { MilestoneStalled = true, MilestoneStalledSince = Some.DaysAgo(2) } };

        Assert.That(Raised(account, InterventionKind.MilestoneStalled), Is.Empty);
    }

    [Test(Description = "rules.md §8 milestone stall: once the blocked milestone completed (stalled written false), the next one stalling raises again")]
    public void Evaluate_StalledOnTheNextMilestone_Raises()
    {
        var account = Some.BareCustomer(wonDaysAgo: 100) with
        {
            Managed = ManagedValues.Empty with
            {
                MilestoneStalled = false,
                                Milestones = new Dictionary<string, DateOnly> { ["first_user_active"] = Some.DaysAgo(60) },
            },
        };

        Assert.That(Raised(account, InterventionKind.MilestoneStalled).Single().Reason, Does.Contain("First project created"));
    }

    // ---- Grace with a never-established previous value ----

    [Test(Description = "rules.md §8 grace with nothing to keep: a never-established previous Reset (no verified-on) is no evidence, so 06 Live with new-hire onboarding unknown is Hit, as at go-live")]
    public void Evaluate_GraceAfterNeverIntegrated_IsHitAsAtGoLive()
    {
        var account = Some.CustomerForStates().WithIntegration(IntegrationStatus.Live, changedDaysAgo: 10, inNewHireOnboarding: null);
        var withPrevious = account.WithPreviousState(CsState.DailyWorkIntegration, StateValue.Reset, null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Some.StateOf(withPrevious, CsState.DailyWorkIntegration).Reading, Is.EqualTo(Some.Reading(StateValue.Hit, 10)));
            Assert.That(Some.StateOf(account, CsState.DailyWorkIntegration).Reading, Is.EqualTo(Some.Reading(StateValue.Hit, 10)));
        }
    }

    [Test(Description = "rules.md §4 grace keeps a previous value backed by evidence: 06 Slipping (dated) stays Slipping while new-hire onboarding is unknown")]
    public void Evaluate_GraceAfterDatedSlipping_KeepsIt()
    {
        var account = Some.CustomerForStates().WithIntegration(IntegrationStatus.Live, changedDaysAgo: 10, inNewHireOnboarding: null)
            .WithPreviousState(CsState.DailyWorkIntegration, StateValue.Slipping, Some.DaysAgo(10));

        Assert.That(Some.StateOf(account, CsState.DailyWorkIntegration).Reading, Is.EqualTo(Some.Reading(StateValue.Slipping, 10)));
    }
}
