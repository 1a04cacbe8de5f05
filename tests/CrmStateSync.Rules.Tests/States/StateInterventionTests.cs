using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.States;

/// <summary>rules.md §4 last column, §7 and §8 "Interventions": what entering a state value raises, and when.</summary>
public class StateInterventionTests
{
    private static readonly DateOnly DefaultDue = Some.DaysAhead(7);

    private static (InterventionKind Kind, DateOnly Due)[] Raised(AccountSnapshot account) =>
        [.. Some.Evaluation(StallAlreadyShown(account)).Interventions.Select(i => (i.Kind, i.Due))];

    /// <summary>
    /// These accounts are stalled on their first milestone (no usage); with a CRM value present, rules.md §8 "Milestone
    /// stall at first sight" would raise MilestoneStalled unless the CRM already shows the stall — so it does, and only
    /// the state interventions under test remain.
    /// </summary>
    private static AccountSnapshot StallAlreadyShown(AccountSnapshot account) =>
        account with { Managed = account.Managed with { MilestoneStalled = true } };

    /// <summary>Goal Clarity Hit (review 30 days ago), configuration verified 40 days ago, a value action 2 days ago.</summary>
    private static AccountSnapshot Configured() => Some.CustomerForStates().WithGoal(30).WithConfiguration(40).WithValueActions((2, 1));

    private static AccountSnapshot Contacts(params Contact[] contacts) => Some.CustomerForStates().WithContacts(contacts);

    private static AccountSnapshot Integration(IntegrationStatus status, bool? inNewHireOnboarding = true) =>
        Some.CustomerForStates().WithIntegration(status, changedDaysAgo: 2, inNewHireOnboarding: inNewHireOnboarding);

    /// <summary>Every state entering a value that raises: 01 leadership Reset, 02 Reset, 03 Slipping, 04 departure Reset, 05 Slipping, 06 Broken.</summary>
    private static AccountSnapshot EveryStateRaising() => Configured().WithValueActions() with
    {
        LeadershipChangeOn = Some.DaysAgo(10),
        LastOutcomeOn = Some.DaysAgo(20),
        Contacts = [Some.ExecSponsor(activeDaysAgo: 8, engagedDaysAgo: 8, departedDaysAgo: 5), Some.Champion()],
        IntegrationStatus = IntegrationStatus.Broken,
        IntegrationChangedOn = Some.DaysAgo(2),
        InNewHireOnboarding = true,
    };

    private static AccountSnapshot WithEveryPreviousHit(AccountSnapshot account, CsState? except = null)
    {
        foreach (var state in CsStates.All.Where(s => s != except))
        {
            account = account.WithPreviousState(state, StateValue.Hit, Some.DaysAgo(40));
        }

        return account;
    }

    [TestCase(StateValue.Hit, 10, 20, TestName = "rules.md §8 01 leadership-change Reset raises GoalClarityConversation due change + 30 days (was Hit)")]
    [TestCase(StateValue.Slipping, 50, -20, TestName = "rules.md §8 01 leadership-change Reset raises GoalClarityConversation due change + 30 days (was Slipping)")]
    public void Evaluate_LeadershipChangeReset_RaisesGoalClarityConversation(StateValue previous, int changeDaysAgo, int dueDaysAhead)
    {
        var account = Some.CustomerForStates().WithGoal(60).WithPreviousState(CsState.GoalClarity, previous, Some.DaysAgo(60))
            with { LeadershipChangeOn = Some.DaysAgo(changeDaysAgo) };

        Assert.That(Raised(account), Is.EqualTo(new[] { (InterventionKind.GoalClarityConversation, Some.DaysAhead(dueDaysAhead)) }));
    }

    [Test(Description = "rules.md §8 01 a leadership change resets even with no review and the conversation is raised (was a never-established Reset)")]
    public void Evaluate_LeadershipChangeOnNeverEstablishedGoals_RaisesGoalClarityConversation()
    {
        var account = Some.CustomerForStates().WithPreviousState(CsState.GoalClarity, StateValue.Reset, null)
            with { LeadershipChangeOn = Some.DaysAgo(4) };

        Assert.That(Raised(account), Does.Contain((InterventionKind.GoalClarityConversation, Some.DaysAhead(26))));
    }

    [Test(Description = "rules.md §8 01 a second leadership change while already Reset by the first raises a new conversation")]
    public void Evaluate_NewLeadershipChangeWhileReset_RaisesGoalClarityConversation()
    {
        var account = Some.CustomerForStates().WithGoal(200).WithPreviousState(CsState.GoalClarity, StateValue.Reset, Some.DaysAgo(100))
            with { LeadershipChangeOn = Some.DaysAgo(3) };

        Assert.That(Raised(account), Does.Contain((InterventionKind.GoalClarityConversation, Some.DaysAhead(27))));
    }

    [Test(Description = "rules.md §7 edge-triggered: the same leadership-change Reset evaluated again raises nothing")]
    public void Evaluate_SameLeadershipChangeStillReset_RaisesNothing()
    {
        var account = Some.CustomerForStates().WithGoal(200).WithPreviousState(CsState.GoalClarity, StateValue.Reset, Some.DaysAgo(3))
            with { LeadershipChangeOn = Some.DaysAgo(3) };

        Assert.That(Raised(account).Select(r => r.Kind), Does.Not.Contain(InterventionKind.GoalClarityConversation));
    }

    [Test(Description = "rules.md §8 01 raises only for a leadership-change Reset: entering Slipping raises nothing")]
    public void Evaluate_GoalClarityEntersSlipping_RaisesNothing()
    {
        var account = Some.CustomerForStates().WithGoal(121).WithPreviousState(CsState.GoalClarity, StateValue.Hit, Some.DaysAgo(60));

        Assert.That(Raised(account), Is.Empty);
    }

    [Test(Description = "rules.md §8 01 raises only for a leadership-change Reset: a never-established Reset raises nothing")]
    public void Evaluate_GoalClarityNeverEstablishedReset_RaisesNothing()
    {
        var account = Some.CustomerForStates().WithGoal(30).WithPreviousState(CsState.GoalClarity, StateValue.Hit, Some.DaysAgo(30)) with { GoalOwnerId = null };

        Assert.That(Raised(account), Is.Empty);
    }

    [TestCase(StateValue.Hit, TestName = "rules.md §4 02 entering Slipping (workflow gap) raises ConfigurationReview due asOf + 7 (was Hit)")]
    [TestCase(StateValue.Reset, TestName = "rules.md §4 02 entering Slipping (workflow gap) raises ConfigurationReview due asOf + 7 (was Reset)")]
    public void Evaluate_ConfiguredForGoalsEntersSlipping_RaisesConfigurationReview(StateValue previous)
    {
        var account = Configured().WithPreviousState(CsState.ConfiguredForGoals, previous, Some.DaysAgo(40)) with { WorkflowGapOn = Some.DaysAgo(3) };

        Assert.That(Raised(account), Is.EqualTo(new[] { (InterventionKind.ConfigurationReview, DefaultDue) }));
    }

    [TestCase(StateValue.Hit, TestName = "rules.md §4 02 entering Reset (never verified) raises ConfigurationReview (was Hit)")]
    [TestCase(StateValue.Slipping, TestName = "rules.md §4 02 entering Reset (never verified) raises ConfigurationReview (was Slipping)")]
    public void Evaluate_ConfiguredForGoalsEntersReset_RaisesConfigurationReview(StateValue previous)
    {
        var account = Configured().WithConfiguration(null).WithPreviousState(CsState.ConfiguredForGoals, previous, Some.DaysAgo(40));

        Assert.That(Raised(account), Is.EqualTo(new[] { (InterventionKind.ConfigurationReview, DefaultDue) }));
    }

    [Test(Description = "rules.md §4 02 entering Reset because Goal Clarity is Reset raises ConfigurationReview")]
    public void Evaluate_ConfiguredForGoalsResetByGoalClarity_RaisesConfigurationReview()
    {
        var account = Configured().WithPreviousState(CsState.ConfiguredForGoals, StateValue.Hit, Some.DaysAgo(40)) with { LeadershipChangeOn = Some.DaysAgo(10) };

        Assert.That(Raised(account), Is.EqualTo(new[] { (InterventionKind.ConfigurationReview, DefaultDue) }));
    }

    [TestCase(StateValue.Slipping, 3, TestName = "rules.md §8 interventions are raised only when the value differs: 02 Slipping stays Slipping")]
    [TestCase(StateValue.Reset, null, TestName = "rules.md §4 02 entering Hit raises nothing (was Reset)")]
    public void Evaluate_ConfiguredForGoalsNotEnteringSlippingOrReset_RaisesNothing(StateValue previous, int? gapDaysAgo)
    {
        var account = Configured().WithPreviousState(CsState.ConfiguredForGoals, previous, Some.DaysAgo(20))
            with { WorkflowGapOn = gapDaysAgo is { } g ? Some.DaysAgo(g) : null };

        Assert.That(Raised(account), Is.Empty);
    }

    [Test(Description = "rules.md §8 03 entering Slipping raises AdoptionIntervention due asOf + 7")]
    public void Evaluate_AdoptionEntersSlipping_RaisesAdoptionIntervention()
    {
        var account = Some.CustomerForStates().WithValueActions((40, 30)).WithPreviousState(CsState.ValueActionAdoption, StateValue.Hit, Some.DaysAgo(60));

        Assert.That(Raised(account), Is.EqualTo(new[] { (InterventionKind.AdoptionIntervention, DefaultDue) }));
    }

    [TestCase(StateValue.Slipping, 10, TestName = "rules.md §8 03 raises only on entering Slipping: entering Hit raises nothing")]
    [TestCase(StateValue.Slipping, 0, TestName = "rules.md §8 interventions are raised only when the value differs: 03 Slipping stays Slipping")]
    public void Evaluate_AdoptionNotEnteringSlipping_RaisesNothing(StateValue previous, int valueActions)
    {
        var account = Some.CustomerForStates().WithValueActions((1, valueActions)).WithPreviousState(CsState.ValueActionAdoption, previous, Some.DaysAgo(60));

        Assert.That(Raised(account), Is.Empty);
    }

    [TestCase(StateValue.Hit, TestName = "rules.md §8 04 departure Reset raises StakeholderReengagement due asOf + 7 (was Hit)")]
    [TestCase(StateValue.Slipping, TestName = "rules.md §8 04 departure Reset raises StakeholderReengagement due asOf + 7 (was Slipping)")]
    public void Evaluate_DepartureReset_RaisesStakeholderReengagement(StateValue previous)
    {
        var account = Contacts(Some.ExecSponsor(departedDaysAgo: 5, activeDaysAgo: 8, engagedDaysAgo: 8), Some.Champion())
            .WithPreviousState(CsState.MultiStakeholderEngagement, previous, Some.DaysAgo(40));

        Assert.That(Raised(account), Is.EqualTo(new[] { (InterventionKind.StakeholderReengagement, DefaultDue) }));
    }

    [Test(Description = "rules.md §8 04 raises only for a departure Reset: entering Slipping raises nothing")]
    public void Evaluate_StakeholdersEnterSlipping_RaisesNothing()
    {
        var account = Contacts(Some.ExecSponsor(engagedDaysAgo: 61), Some.Champion()).WithPreviousState(CsState.MultiStakeholderEngagement, StateValue.Hit, Some.DaysAgo(40));

        Assert.That(Raised(account), Is.Empty);
    }

    [Test(Description = "rules.md §8 04 raises only for a departure Reset: a never-established Reset raises nothing")]
    public void Evaluate_StakeholdersNeverEstablishedReset_RaisesNothing()
    {
        var account = Contacts().WithPreviousState(CsState.MultiStakeholderEngagement, StateValue.Hit, Some.DaysAgo(40));

        Assert.That(Raised(account), Is.Empty);
    }

    [TestCase(StateValue.Hit, 20, 10, TestName = "rules.md §4 05 entering Slipping (goal change without outcome) raises OutcomeReview due asOf + 7 (was Hit)")]
    [TestCase(StateValue.Reset, 181, null, TestName = "rules.md §4 05 entering Slipping (two cycles without attribution) raises OutcomeReview due asOf + 7 (was Reset)")]
    public void Evaluate_OutcomeEntersSlipping_RaisesOutcomeReview(StateValue previous, int outcomeDaysAgo, int? goalChangedDaysAgo)
    {
        var account = Some.CustomerForStates().WithPreviousState(CsState.OutcomeAttribution, previous, Some.DaysAgo(100)) with
        {
            LastOutcomeOn = Some.DaysAgo(outcomeDaysAgo),
            GoalChangedOn = goalChangedDaysAgo is { } g ? Some.DaysAgo(g) : null,
        };

        Assert.That(Raised(account), Is.EqualTo(new[] { (InterventionKind.OutcomeReview, DefaultDue) }));
    }

    [TestCase(StateValue.Hit, 91, TestName = "rules.md §4 05 raises only on entering Slipping: decaying to Reset raises nothing")]
    [TestCase(StateValue.Slipping, 5, TestName = "rules.md §4 05 raises only on entering Slipping: entering Hit raises nothing")]
    public void Evaluate_OutcomeNotEnteringSlipping_RaisesNothing(StateValue previous, int outcomeDaysAgo)
    {
        var account = Some.CustomerForStates().WithPreviousState(CsState.OutcomeAttribution, previous, Some.DaysAgo(100))
            with { LastOutcomeOn = Some.DaysAgo(outcomeDaysAgo) };

        Assert.That(Raised(account), Is.Empty);
    }

    [TestCase(StateValue.Hit, IntegrationStatus.Broken, TestName = "rules.md §8 06 Broken after Hit raises IntegrationEscalation")]
    [TestCase(StateValue.Hit, IntegrationStatus.Removed, TestName = "rules.md §8 06 Removed after Hit raises IntegrationEscalation")]
    [TestCase(StateValue.Slipping, IntegrationStatus.Removed, TestName = "rules.md §8 06 Removed after Slipping raises IntegrationEscalation")]
    public void Evaluate_IntegrationBrokenOrRemovedAfterLive_Escalates(StateValue previous, IntegrationStatus status)
    {
        var account = Integration(status).WithPreviousState(CsState.DailyWorkIntegration, previous, Some.DaysAgo(200));

        Assert.That(Raised(account), Is.EqualTo(new[] { (InterventionKind.IntegrationEscalation, DefaultDue) }));
    }

    [TestCase(StateValue.Slipping, IntegrationStatus.Broken, true, TestName = "rules.md §8 interventions are raised only when the value differs: 06 Slipping (new-hire dropped) to Broken")]
    [TestCase(StateValue.Reset, IntegrationStatus.Broken, true, TestName = "rules.md §8 06 only when the previous value was Hit or Slipping: Broken after Reset")]
    [TestCase(StateValue.Hit, IntegrationStatus.None, true, TestName = "rules.md §4 06 never integrated counts as Reset without escalation")]
    [TestCase(StateValue.Hit, IntegrationStatus.Live, false, TestName = "rules.md §8 06 escalates only on Broken/Removed: new-hire onboarding dropped raises nothing")]
    public void Evaluate_IntegrationNotBrokenOrRemovedAfterLive_DoesNotEscalate(StateValue previous, IntegrationStatus status, bool inNewHireOnboarding)
    {
        var account = Integration(status, inNewHireOnboarding).WithPreviousState(CsState.DailyWorkIntegration, previous, Some.DaysAgo(200));

        Assert.That(Raised(account), Is.Empty);
    }

    [Test(Description = "rules.md §8 an account's first evaluation (no previous values) raises none")]
    public void Evaluate_FirstEvaluation_RaisesNothing()
    {
        Assert.That(Raised(EveryStateRaising()), Is.Empty);
    }

    [TestCase(CsState.GoalClarity, InterventionKind.GoalClarityConversation, TestName = "rules.md §8 first evaluation is per value: Goal Clarity without a previous value raises none")]
    [TestCase(CsState.ConfiguredForGoals, InterventionKind.ConfigurationReview, TestName = "rules.md §8 first evaluation is per value: Configured for Goals without a previous value raises none")]
    [TestCase(CsState.ValueActionAdoption, InterventionKind.AdoptionIntervention, TestName = "rules.md §8 first evaluation is per value: Value-Action Adoption without a previous value raises none")]
    [TestCase(CsState.MultiStakeholderEngagement, InterventionKind.StakeholderReengagement, TestName = "rules.md §8 first evaluation is per value: Multi-Stakeholder Engagement without a previous value raises none")]
    [TestCase(CsState.OutcomeAttribution, InterventionKind.OutcomeReview, TestName = "rules.md §8 first evaluation is per value: Outcome Attribution without a previous value raises none")]
    [TestCase(CsState.DailyWorkIntegration, InterventionKind.IntegrationEscalation, TestName = "rules.md §8 first evaluation is per value: Daily-Work Integration without a previous value raises none")]
    public void Evaluate_StateWithoutPreviousValue_RaisesNoneForIt(CsState withoutPrevious, InterventionKind itsKind)
    {
        var kinds = Raised(WithEveryPreviousHit(EveryStateRaising(), except: withoutPrevious)).Select(r => r.Kind).ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(kinds, Has.Length.EqualTo(5));
            Assert.That(kinds, Has.No.Member(itsKind));
        }
    }

    [Test(Description = "rules.md §7 interventions are edge-triggered: raised once on entry, not again once the value is written")]
    public void Evaluate_AgainWithResultApplied_RaisesNothing()
    {
        var account = StallAlreadyShown(WithEveryPreviousHit(EveryStateRaising()));
        var first = Some.Evaluation(account);
        var second = Some.Evaluation(first.Apply(account));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Interventions.Select(i => (i.Kind, i.Due)), Is.EquivalentTo(new[]
            {
                (InterventionKind.GoalClarityConversation, Some.DaysAhead(20)),
                (InterventionKind.ConfigurationReview, DefaultDue),
                (InterventionKind.AdoptionIntervention, DefaultDue),
                (InterventionKind.StakeholderReengagement, DefaultDue),
                (InterventionKind.OutcomeReview, DefaultDue),
                (InterventionKind.IntegrationEscalation, DefaultDue),
            }));
            Assert.That(first.Interventions.Select(i => i.AccountId), Is.All.EqualTo(account.Id));
            Assert.That(first.Interventions.Select(i => i.Reason), Is.All.Not.Empty);
            Assert.That(second.States.Select(s => s.Reading), Is.EqualTo(first.States.Select(s => s.Reading)));
            Assert.That(second.Interventions, Is.Empty);
        }
    }
}
