using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.States;

namespace CrmStateSync.Rules.Tests;

/// <summary>Object mother for the six states: a bare customer, previous readings, goals, value actions, stakeholders.</summary>
internal static partial class Some
{
    /// <summary>A customer whose first (and only) won opportunity closed <paramref name="wonDaysAgo"/> days ago; nothing else.</summary>
    public static AccountSnapshot CustomerForStates(int wonDaysAgo = 300) => Account("acc-states") with
    {
        Opportunities = [Won(DaysAgo(wonDaysAgo))],
    };

    /// <summary>The snapshot with one previous (CRM) reading of a state.</summary>
    public static AccountSnapshot WithPreviousState(this AccountSnapshot snapshot, CsState state, StateValue value, DateOnly? verifiedOn) =>
        snapshot with
        {
            Managed = snapshot.Managed with { States = snapshot.Managed.States.With(state, new StateReading(value, verifiedOn)) },
        };

    /// <summary>Goal owner <c>c-owner</c>, a primary goal, and a review <paramref name="reviewedDaysAgo"/> days ago (null: never).</summary>
    public static AccountSnapshot WithGoal(this AccountSnapshot snapshot, int? reviewedDaysAgo) => snapshot with
    {
        GoalOwnerId = "c-owner",
        PrimaryGoal = "Cut month-end close from 10 to 5 days",
        GoalReviewedOn = reviewedDaysAgo is { } days ? DaysAgo(days) : null,
    };

    /// <summary>Workflows live and the configuration verified <paramref name="verifiedDaysAgo"/> days ago.</summary>
    public static AccountSnapshot WithConfiguration(this AccountSnapshot snapshot, int? verifiedDaysAgo, bool workflowsLive = true) => snapshot with
    {
        WorkflowsLive = workflowsLive,
        ConfigVerifiedOn = verifiedDaysAgo is { } days ? DaysAgo(days) : null,
    };

    /// <summary>One usage row per entry: <c>count</c> value actions <c>daysAgo</c> days before <see cref="AsOf"/>.</summary>
    public static AccountSnapshot WithValueActions(this AccountSnapshot snapshot, params (int DaysAgo, int Count)[] rows) =>
        snapshot with { Usage = [.. rows.Select(r => Usage(DaysAgo(r.DaysAgo), activeUsers: 1, valueActions: r.Count))] };

    public static AccountSnapshot WithContacts(this AccountSnapshot snapshot, params Contact[] contacts) => snapshot with { Contacts = contacts };

    public static Contact ExecSponsor(string? function = "Finance", int? activeDaysAgo = 3, int? engagedDaysAgo = 10, int? departedDaysAgo = null, string id = "c-exec") =>
        Stakeholder(id, function, ContactRole.ExecSponsor, activeDaysAgo, engagedDaysAgo, departedDaysAgo);

    public static Contact Champion(string? function = "Operations", int? activeDaysAgo = 1, int? engagedDaysAgo = 5, int? departedDaysAgo = null, string id = "c-champ") =>
        Stakeholder(id, function, ContactRole.Champion, activeDaysAgo, engagedDaysAgo, departedDaysAgo);

    public static Contact StakeholderUser(string? function = "Sales", int? activeDaysAgo = 2, int? departedDaysAgo = null, string id = "c-user") =>
        Stakeholder(id, function, ContactRole.User, activeDaysAgo, null, departedDaysAgo);

    /// <summary>Integration status, changed <paramref name="changedDaysAgo"/> days ago, and the new-hire onboarding flag.</summary>
    public static AccountSnapshot WithIntegration(this AccountSnapshot snapshot, IntegrationStatus? status, int changedDaysAgo = 200, bool? inNewHireOnboarding = true) =>
        snapshot with { IntegrationStatus = status, IntegrationChangedOn = DaysAgo(changedDaysAgo), InNewHireOnboarding = inNewHireOnboarding };

    /// <summary>The snapshot evaluated on <see cref="AsOf"/> with the default rules.</summary>
    public static EvaluationResult Evaluation(AccountSnapshot snapshot) => RulesEngine.Default.Evaluate(snapshot, AsOf);

    /// <summary>One state of the snapshot evaluated on <see cref="AsOf"/>.</summary>
    public static StateOutcome StateOf(AccountSnapshot snapshot, CsState state) => Evaluation(snapshot).States[(int)state];

    /// <summary>An expected reading: the value and a verified-on <paramref name="verifiedDaysAgo"/> days ago (null: none).</summary>
    public static StateReading Reading(StateValue value, int? verifiedDaysAgo) => new(value, Ago(verifiedDaysAgo));

    private static Contact Stakeholder(string id, string? function, ContactRole role, int? activeDaysAgo, int? engagedDaysAgo, int? departedDaysAgo) =>
        Contact(id, function, role, Ago(activeDaysAgo), Ago(engagedDaysAgo), Ago(departedDaysAgo));

    private static DateOnly? Ago(int? days) => days is { } d ? DaysAgo(d) : null;
}
