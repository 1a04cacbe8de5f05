using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.States;

/// <summary>rules.md §4 row 03 and §8 "States": Value-Action Adoption (default threshold 10 in 14 days).</summary>
public class ValueActionAdoptionTests
{
    private const CsState State = CsState.ValueActionAdoption;

    [TestCase(0, 10, StateValue.Hit, TestName = "rules.md §4 03 Hit: 10 value actions today (≥ 10), entered today")]
    [TestCase(13, 10, StateValue.Hit, TestName = "rules.md §4 03 Hit: 10 value actions on asOf-13 are in the last 14 days")]
    [TestCase(14, 10, StateValue.Hit, TestName = "rules.md §8 03 grace with nothing to keep: 10 value actions on asOf-14 (previous window) is Hit dated asOf")]
    [TestCase(27, 10, StateValue.Hit, TestName = "rules.md §8 03 grace with nothing to keep: 10 value actions on asOf-27 (previous window) is Hit dated asOf")]
    [TestCase(28, 10, StateValue.Slipping, TestName = "rules.md §4 03 Slipping: 10 value actions on asOf-28 are in neither window")]
    [TestCase(0, 9, StateValue.Slipping, TestName = "rules.md §4 03 Slipping: 9 value actions in the last 14 days and none before, both below 10")]
    public void Evaluate_ValueActionsWithoutPreviousValue_IsDatedAsOf(int daysAgo, int count, StateValue expected)
    {
        var account = Some.CustomerForStates().WithValueActions((daysAgo, count));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(expected, 0)));
    }

    [Test(Description = "rules.md §4 03 Hit: value actions sum over the 14-day window [asOf-13, asOf]")]
    public void Evaluate_ValueActionsSpreadOverTheWindow_AreSummed()
    {
        var account = Some.CustomerForStates().WithValueActions((0, 5), (13, 5));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Hit, 0)));
    }

    [TestCase(13, StateValue.Hit, 0, TestName = "rules.md §4 03 window boundary, was Slipping: asOf-13 is in the last 14 days (Hit entered today)")]
    [TestCase(14, StateValue.Slipping, 50, TestName = "rules.md §4 03 window boundary, was Slipping: asOf-14 is in the previous 14 days (grace keeps Slipping and its date)")]
    public void Evaluate_LastWindowBoundaryAfterSlipping(int daysAgo, StateValue expected, int expectedDaysAgo)
    {
        var account = Some.CustomerForStates().WithValueActions((daysAgo, 10)).WithPreviousState(State, StateValue.Slipping, Some.DaysAgo(50));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(expected, expectedDaysAgo)));
    }

    [TestCase(27, StateValue.Hit, 50, TestName = "rules.md §4 03 window boundary, was Hit: asOf-27 is in the previous 14 days (grace keeps Hit and its date)")]
    [TestCase(28, StateValue.Slipping, 0, TestName = "rules.md §4 03 window boundary, was Hit: asOf-28 is outside both windows (Slipping entered today)")]
    public void Evaluate_PreviousWindowBoundaryAfterHit(int daysAgo, StateValue expected, int expectedDaysAgo)
    {
        var account = Some.CustomerForStates().WithValueActions((daysAgo, 10)).WithPreviousState(State, StateValue.Hit, Some.DaysAgo(50));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(expected, expectedDaysAgo)));
    }

    [TestCase(10, StateValue.Hit, 0, TestName = "rules.md §4 03 threshold, was Slipping: 10 value actions reach the threshold (Hit entered today)")]
    [TestCase(9, StateValue.Slipping, 50, TestName = "rules.md §4 03 threshold, was Slipping: 9 value actions stay below (Slipping keeps its entry date)")]
    public void Evaluate_ThresholdAfterSlipping(int count, StateValue expected, int expectedDaysAgo)
    {
        var account = Some.CustomerForStates().WithValueActions((3, count)).WithPreviousState(State, StateValue.Slipping, Some.DaysAgo(50));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(expected, expectedDaysAgo)));
    }

    [Test(Description = "rules.md §8 03 never resets: no usage at all gives Slipping (entered today)")]
    public void Evaluate_NoUsage_IsSlippingNotReset()
    {
        Assert.That(Some.StateOf(Some.CustomerForStates(), State).Reading, Is.EqualTo(Some.Reading(StateValue.Slipping, 0)));
    }

    [Test(Description = "rules.md §4 03 never resets: grace does not keep a Reset typed into the CRM by hand; with nothing valid to keep it is Hit dated asOf")]
    public void Evaluate_GraceAfterAHandTypedReset_IsHitNotReset()
    {
        var account = Some.CustomerForStates().WithValueActions((20, 10)).WithPreviousState(State, StateValue.Reset, Some.DaysAgo(5));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Hit, 0)));
    }

    [Test(Description = "rules.md §8 03 never resets: no usage after a previous Reset gives Slipping (entered today)")]
    public void Evaluate_NoUsageAfterReset_IsSlipping()
    {
        var account = Some.CustomerForStates().WithPreviousState(State, StateValue.Reset, Some.DaysAgo(50));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(StateValue.Slipping, 0)));
    }

    [TestCase(StateValue.Hit, 12, 40, StateValue.Hit, 40, TestName = "rules.md §8 03 verified-on: Hit that stays Hit keeps the date it was entered")]
    [TestCase(StateValue.Slipping, 12, 40, StateValue.Hit, 0, TestName = "rules.md §8 03 verified-on: Slipping that becomes Hit is dated asOf")]
    [TestCase(StateValue.Slipping, 0, 40, StateValue.Slipping, 40, TestName = "rules.md §8 03 verified-on: Slipping that stays Slipping keeps the date it was entered")]
    [TestCase(StateValue.Hit, 0, 40, StateValue.Slipping, 0, TestName = "rules.md §8 03 verified-on: Hit that becomes Slipping is dated asOf")]
    public void Evaluate_VerifiedOn_IsTheAsOfDateTheValueWasEntered(StateValue previous, int valueActions, int previousDaysAgo, StateValue expected, int expectedDaysAgo)
    {
        var account = Some.CustomerForStates().WithValueActions((1, valueActions)).WithPreviousState(State, previous, Some.DaysAgo(previousDaysAgo));

        Assert.That(Some.StateOf(account, State).Reading, Is.EqualTo(Some.Reading(expected, expectedDaysAgo)));
    }
}
