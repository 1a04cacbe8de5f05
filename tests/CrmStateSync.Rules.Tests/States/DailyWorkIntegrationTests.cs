using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.States;

/// <summary>rules.md §4 row 06 and §8 "States": Daily-Work Integration.</summary>
public class DailyWorkIntegrationTests
{
    private const CsState State = CsState.DailyWorkIntegration;

    private static StateReading ReadingOf(AccountSnapshot account) => Some.StateOf(account, State).Reading;

    [TestCase(IntegrationStatus.Live, true, StateValue.Hit, TestName = "rules.md §4 06 Hit: integration Live and in new-hire onboarding; §8 dated integrationChangedOn")]
    [TestCase(IntegrationStatus.Live, false, StateValue.Slipping, TestName = "rules.md §8 06 inNewHireOnboarding false slips; dated integrationChangedOn")]
    [TestCase(IntegrationStatus.Broken, true, StateValue.Slipping, TestName = "rules.md §4 06 Slipping: integration Broken; dated integrationChangedOn")]
    [TestCase(IntegrationStatus.Removed, true, StateValue.Reset, TestName = "rules.md §4 06 Reset: integration Removed; dated integrationChangedOn")]
    public void Evaluate_IntegrationStatus_IsDatedByIntegrationChange(IntegrationStatus status, bool inNewHireOnboarding, StateValue expected)
    {
        var account = Some.CustomerForStates().WithIntegration(status, changedDaysAgo: 12, inNewHireOnboarding: inNewHireOnboarding);

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(expected, 12)));
    }

    [TestCase(IntegrationStatus.None, TestName = "rules.md §8 06 never established: integration None is Reset, verified-on null")]
    [TestCase(null, TestName = "rules.md §8 06 never established: integration absent is Reset, verified-on null")]
    public void Evaluate_NeverIntegrated_IsResetWithoutDate(IntegrationStatus? status)
    {
        var account = Some.CustomerForStates().WithIntegration(status, changedDaysAgo: 12).WithPreviousState(State, StateValue.Hit, Some.DaysAgo(40));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Reset, null)));
    }

    [Test(Description = "rules.md §8 06 Broken slips whatever the new-hire flag says")]
    public void Evaluate_BrokenWithNewHireUnknown_IsSlipping()
    {
        var account = Some.CustomerForStates().WithIntegration(IntegrationStatus.Broken, changedDaysAgo: 3, inNewHireOnboarding: null)
            .WithPreviousState(State, StateValue.Hit, Some.DaysAgo(200));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Slipping, 3)));
    }

    [Test(Description = "rules.md §8 06 grace with nothing to keep: Live, new-hire onboarding null (unknown) is Hit dated integrationChangedOn")]
    public void Evaluate_LiveNewHireUnknownWithoutPreviousValue_IsHitDatedByChange()
    {
        var account = Some.CustomerForStates().WithIntegration(IntegrationStatus.Live, changedDaysAgo: 200, inNewHireOnboarding: null);

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Hit, 200)));
    }

    [TestCase(StateValue.Hit, 150, TestName = "rules.md §8 06 inNewHireOnboarding null is neither signal nor slip: grace keeps Hit and its date")]
    [TestCase(StateValue.Slipping, 60, TestName = "rules.md §8 06 inNewHireOnboarding null is neither signal nor slip: grace keeps Slipping and its date")]
    [TestCase(StateValue.Reset, 70, TestName = "rules.md §8 06 inNewHireOnboarding null is neither signal nor slip: grace keeps Reset and its date")]
    public void Evaluate_LiveNewHireUnknown_KeepsPreviousValueAndDate(StateValue previous, int previousDaysAgo)
    {
        var account = Some.CustomerForStates().WithIntegration(IntegrationStatus.Live, changedDaysAgo: 200, inNewHireOnboarding: null)
            .WithPreviousState(State, previous, Some.DaysAgo(previousDaysAgo));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(previous, previousDaysAgo)));
    }

    [TestCase(true, StateValue.Slipping, StateValue.Hit, 200, TestName = "rules.md §8 06 after Slipping: new-hire onboarding true is Hit again, dated integrationChangedOn")]
    [TestCase(false, StateValue.Hit, StateValue.Slipping, 200, TestName = "rules.md §8 06 after Hit: new-hire onboarding false slips, dated integrationChangedOn")]
    public void Evaluate_LiveNewHireKnown_IgnoresPreviousValue(bool inNewHireOnboarding, StateValue previous, StateValue expected, int expectedDaysAgo)
    {
        var account = Some.CustomerForStates().WithIntegration(IntegrationStatus.Live, changedDaysAgo: 200, inNewHireOnboarding: inNewHireOnboarding)
            .WithPreviousState(State, previous, Some.DaysAgo(30));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(expected, expectedDaysAgo)));
    }

    [TestCase(IntegrationStatus.Removed, TestName = "rules.md §8 facts dated after asOf are ignored: a removal dated later reads as never integrated (Reset, no date)")]
    [TestCase(IntegrationStatus.Broken, TestName = "rules.md §8 facts dated after asOf are ignored: a break dated later reads as never integrated (Reset, no date)")]
    [TestCase(IntegrationStatus.Live, TestName = "rules.md §8 facts dated after asOf are ignored: going live later reads as never integrated (Reset, no date)")]
    public void Evaluate_StatusChangedAfterAsOf_IsNotKnownYet(IntegrationStatus status)
    {
        var account = Some.CustomerForStates().WithIntegration(status, changedDaysAgo: -10);

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Reset, null)));
    }

    [Test(Description = "rules.md §8 facts dated after asOf are ignored: on the removal day itself the removal is known")]
    public void Evaluate_RemovedOnTheAsOfDay_IsResetDatedThatDay()
    {
        var account = Some.CustomerForStates().WithIntegration(IntegrationStatus.Removed, changedDaysAgo: 0);

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Reset, 0)));
    }
}
