using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.States;

/// <summary>rules.md §4 row 04 and §8 "States": Multi-Stakeholder Engagement.</summary>
public class MultiStakeholderEngagementTests
{
    private const CsState State = CsState.MultiStakeholderEngagement;

    private static StateReading ReadingOf(AccountSnapshot account) => Some.StateOf(account, State).Reading;

    /// <summary>Exec sponsor (Finance, active 3, engaged 10 days ago) and champion (Operations, active 1 day ago).</summary>
    private static AccountSnapshot Engaged() => Some.CustomerForStates().WithContacts(Some.ExecSponsor(), Some.Champion());

    [TestCase(null, null, 0, TestName = "rules.md §4 04 Hit: 2 active contacts, 2 functions, exec engaged; §8 first entry dated asOf")]
    [TestCase(StateValue.Hit, 40, 40, TestName = "rules.md §8 04 verified-on: Hit that stays Hit keeps the date it was entered")]
    [TestCase(StateValue.Slipping, 40, 0, TestName = "rules.md §8 04 verified-on: Slipping that becomes Hit is dated asOf")]
    [TestCase(StateValue.Reset, 40, 0, TestName = "rules.md §8 04 verified-on: Reset that becomes Hit is dated asOf")]
    public void Evaluate_Engaged_IsHitDatedWhenEntered(StateValue? previous, int? previousDaysAgo, int expectedDaysAgo)
    {
        var account = previous is { } value ? Engaged().WithPreviousState(State, value, Some.DaysAgo(previousDaysAgo!.Value)) : Engaged();

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Hit, expectedDaysAgo)));
    }

    [TestCase(60, StateValue.Hit, TestName = "rules.md §8 04 boundary: exec sponsor engaged 60 days ago is Hit")]
    [TestCase(61, StateValue.Slipping, TestName = "rules.md §8 04 boundary: exec sponsor engaged 61 days ago is Slipping")]
    public void Evaluate_ExecSponsorEngagement_SlipsAfter60Days(int engagedDaysAgo, StateValue expected)
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor(engagedDaysAgo: engagedDaysAgo), Some.Champion());

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(expected, 0)));
    }

    [TestCase(29, StateValue.Hit, TestName = "rules.md §4 04 contact active on asOf-29 is in the last 30 days (Hit)")]
    [TestCase(30, StateValue.Slipping, TestName = "rules.md §4 04 contact active on asOf-30 is outside the last 30 days (active contacts ≤ 1: Slipping)")]
    public void Evaluate_ContactActivityWindow_Is30Days(int championActiveDaysAgo, StateValue expected)
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor(), Some.Champion(activeDaysAgo: championActiveDaysAgo));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(expected, 0)));
    }

    [Test(Description = "rules.md §4 04 Slipping: exec sponsor not engaged (none on the account)")]
    public void Evaluate_NoExecSponsor_IsSlipping()
    {
        var account = Some.CustomerForStates().WithContacts(Some.StakeholderUser("Finance", id: "u-1"), Some.StakeholderUser("Operations", id: "u-2"));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Slipping, 0)));
    }

    [Test(Description = "rules.md §8 04 the exec sponsor must have engaged (lastEngagedOn): activity alone is not engagement")]
    public void Evaluate_ExecSponsorNeverEngaged_IsSlipping()
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor(engagedDaysAgo: null), Some.Champion());

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Slipping, 0)));
    }

    [Test(Description = "rules.md §8 04 verified-on: Slipping that stays Slipping keeps the date it was entered")]
    public void Evaluate_StillSlipping_KeepsEntryDate()
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor(), Some.Champion(activeDaysAgo: 45)).WithPreviousState(State, StateValue.Slipping, Some.DaysAgo(20));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Slipping, 20)));
    }

    [Test(Description = "rules.md §4 04 a departed contact is not active: its recent activity does not count")]
    public void Evaluate_DepartedContactRecentlyActive_DoesNotCountAsActive()
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor(), Some.StakeholderUser("Operations", activeDaysAgo: 2, departedDaysAgo: 1));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Slipping, 0)));
    }

    [TestCase(null, null, StateValue.Hit, 0, TestName = "rules.md §8 04 grace with nothing to keep: 2 active contacts of one function is Hit dated asOf")]
    [TestCase(StateValue.Slipping, 40, StateValue.Slipping, 40, TestName = "rules.md §8 04 grace keeps previous value and date: 2 active contacts of one function, was Slipping")]
    public void Evaluate_TwoActiveContactsOfOneFunction_IsGrace(StateValue? previous, int? previousDaysAgo, StateValue expected, int expectedDaysAgo)
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor("Finance"), Some.Champion("finance"));
        account = previous is { } value ? account.WithPreviousState(State, value, Some.DaysAgo(previousDaysAgo!.Value)) : account;

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(expected, expectedDaysAgo)));
    }

    [Test(Description = "rules.md §8 04 a contact with no function counts as active (no Slipping) but adds no function (grace keeps Reset)")]
    public void Evaluate_ContactWithoutFunction_CountsAsActiveButAddsNoFunction()
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor("Finance"), Some.Champion(function: null)).WithPreviousState(State, StateValue.Reset, Some.DaysAgo(40));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Reset, 40)));
    }

    [Test(Description = "rules.md §8 04 a contact with no function beside two functions: Hit")]
    public void Evaluate_ContactWithoutFunctionBesideTwoFunctions_IsHit()
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor("Finance"), Some.Champion(function: null), Some.StakeholderUser("Operations"))
            .WithPreviousState(State, StateValue.Reset, Some.DaysAgo(40));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Hit, 0)));
    }

    [Test(Description = "rules.md §4 04 Reset: a departed exec sponsor not replaced; §8 verified-on the departure date")]
    public void Evaluate_ExecSponsorDepartedNotReplaced_IsResetDatedByDeparture()
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor(departedDaysAgo: 20, engagedDaysAgo: 30, activeDaysAgo: 25), Some.Champion(), Some.StakeholderUser("Finance"));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Reset, 20)));
    }

    [Test(Description = "rules.md §4 04 Reset: a departed champion not replaced; §8 verified-on the departure date")]
    public void Evaluate_ChampionDepartedNotReplaced_IsResetDatedByDeparture()
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor(), Some.Champion(departedDaysAgo: 15, activeDaysAgo: 20), Some.StakeholderUser("Operations"));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Reset, 15)));
    }

    [TestCase(19, StateValue.Hit, 0, TestName = "rules.md §8 04 replacement: a contact of the same role engaged the day after the departure replaces it")]
    [TestCase(20, StateValue.Reset, 20, TestName = "rules.md §8 04 replacement: a contact of the same role engaged on the departure day does not replace it")]
    public void Evaluate_ExecSponsorReplacement_MustEngageAfterDeparture(int newExecEngagedDaysAgo, StateValue expected, int? expectedDaysAgo)
    {
        var account = Some.CustomerForStates().WithContacts(
            Some.ExecSponsor(departedDaysAgo: 20, activeDaysAgo: 25, engagedDaysAgo: 25, id: "c-exec-old"),
            Some.ExecSponsor(activeDaysAgo: 2, engagedDaysAgo: newExecEngagedDaysAgo, id: "c-exec-new"),
            Some.Champion());

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(expected, expectedDaysAgo)));
    }

    [Test(Description = "rules.md §4 04 replacement must be of the departed role: an engaged exec sponsor does not replace a champion")]
    public void Evaluate_ChampionDepartedAndOnlyExecEngaged_IsReset()
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor(engagedDaysAgo: 5), Some.Champion(departedDaysAgo: 20, activeDaysAgo: 25), Some.StakeholderUser("Operations"));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Reset, 20)));
    }

    [Test(Description = "rules.md §8 04 replacement must not have departed itself")]
    public void Evaluate_ReplacementDeparted_DoesNotReplace()
    {
        var account = Some.CustomerForStates().WithContacts(
            Some.ExecSponsor(),
            Some.Champion(departedDaysAgo: 30, activeDaysAgo: 35, id: "c-champ-old"),
            Some.Champion(activeDaysAgo: 12, engagedDaysAgo: 20, departedDaysAgo: 10, id: "c-champ-new-gone"),
            Some.StakeholderUser("Operations"));

        Assert.That(ReadingOf(account).Value, Is.EqualTo(StateValue.Reset));
    }

    [Test(Description = "rules.md §8 04 users never reset the state: a departed user leaves it Hit")]
    public void Evaluate_UserDeparted_DoesNotReset()
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor(), Some.Champion(), Some.StakeholderUser("Sales", activeDaysAgo: 40, departedDaysAgo: 5));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Hit, 0)));
    }

    [Test(Description = "rules.md §8 04 precedence Reset > Slipping: an unreplaced departure beats too few active contacts")]
    public void Evaluate_DepartureAndTooFewActive_IsReset()
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor(departedDaysAgo: 20, activeDaysAgo: 25, engagedDaysAgo: 25));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Reset, 20)));
    }

    [Test(Description = "rules.md §8 04 never established: no contacts gives Reset, verified-on null")]
    public void Evaluate_NoContacts_IsResetWithoutDate()
    {
        Assert.That(ReadingOf(Some.CustomerForStates()), Is.EqualTo(Some.Reading(StateValue.Reset, null)));
    }

    [Test(Description = "rules.md §8 04 never established: nobody ever active and no exec sponsor ever engaged gives Reset, verified-on null")]
    public void Evaluate_ContactsNeverActiveNorEngaged_IsResetWithoutDate()
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor(activeDaysAgo: null, engagedDaysAgo: null), Some.StakeholderUser(activeDaysAgo: null));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Reset, null)));
    }

    [Test(Description = "rules.md §8 never established is decided from the inputs alone: a previous Hit does not matter")]
    public void Evaluate_NoContactsWithPreviousHit_IsResetWithoutDate()
    {
        var account = Some.CustomerForStates().WithPreviousState(State, StateValue.Hit, Some.DaysAgo(40));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Reset, null)));
    }

    [Test(Description = "rules.md §8 04 a departed contact that was active counts as having been active (Slipping, not never established)")]
    public void Evaluate_OnlyDepartedContactThatWasActive_IsSlipping()
    {
        var account = Some.CustomerForStates().WithContacts(Some.StakeholderUser(activeDaysAgo: 100, departedDaysAgo: 50));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Slipping, 0)));
    }

    [Test(Description = "rules.md §8 04 an exec sponsor engaged long ago is evidence (Slipping, not never established)")]
    public void Evaluate_ExecEngagedLongAgoNobodyActive_IsSlipping()
    {
        var account = Some.CustomerForStates().WithContacts(Some.ExecSponsor(activeDaysAgo: null, engagedDaysAgo: 100));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Slipping, 0)));
    }

    [Test(Description = "rules.md §8 04 a contact active long ago is evidence (Slipping, not never established)")]
    public void Evaluate_ContactActiveLongAgo_IsSlipping()
    {
        var account = Some.CustomerForStates().WithContacts(Some.StakeholderUser(activeDaysAgo: 100));

        Assert.That(ReadingOf(account), Is.EqualTo(Some.Reading(StateValue.Slipping, 0)));
    }
}
