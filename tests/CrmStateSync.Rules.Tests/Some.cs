using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests;

/// <summary>Object mother: accounts and their parts with sensible defaults, so a test shows only what matters to it.</summary>
internal static partial class Some
{
    /// <summary>The as-of date most tests evaluate on.</summary>
    public static readonly DateOnly AsOf = new(2026, 6, 1);

    public static DateOnly DaysAgo(int days) => AsOf.AddDays(-days);

    public static DateOnly DaysAhead(int days) => AsOf.AddDays(days);

    /// <summary>An account with nothing but an id (no opportunity: no stage).</summary>
    public static AccountSnapshot Account(string id = "acc-1") => new() { Id = id, Name = "Acme " + id, Segment = "default", OwnerId = "owner-1" };

    /// <summary>A won new-business opportunity with an open-ended (or given) contract.</summary>
    public static Opportunity Won(DateOnly closedOn, DateOnly? contractEnd = null, OpportunityType type = OpportunityType.NewBusiness, string id = "opp-1") =>
        new() { Id = id, IsClosed = true, IsWon = true, CloseDate = closedOn, Type = type, ContractStart = closedOn, ContractEnd = contractEnd };

    public static Opportunity Lost(DateOnly closedOn, OpportunityType type = OpportunityType.Renewal, string id = "opp-lost") =>
        new() { Id = id, IsClosed = true, IsWon = false, CloseDate = closedOn, Type = type };

    public static Opportunity OpenRenewal(DateOnly closeOn, string id = "opp-renewal") =>
        new() { Id = id, IsClosed = false, CloseDate = closeOn, Type = OpportunityType.Renewal };

    public static Contact Contact(string id, string? function = "Operations", ContactRole role = ContactRole.User, DateOnly? lastActiveOn = null, DateOnly? lastEngagedOn = null, DateOnly? departedOn = null) =>
        new() { Id = id, Function = function, Role = role, LastActiveOn = lastActiveOn, LastEngagedOn = lastEngagedOn, DepartedOn = departedOn };

    public static UsageRow Usage(DateOnly date, int activeUsers = 1, int valueActions = 0, int coreEvents = 0, IReadOnlyDictionary<string, double>? metrics = null) =>
        new() { Date = date, ActiveUsers = activeUsers, ValueActions = valueActions, CoreEvents = coreEvents, Metrics = metrics ?? new Dictionary<string, double>() };

    /// <summary>Daily usage rows from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public static IReadOnlyList<UsageRow> DailyUsage(DateOnly from, DateOnly to, int activeUsers = 2, int valueActions = 1, int coreEvents = 1)
    {
        var rows = new List<UsageRow>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            rows.Add(Usage(d, activeUsers, valueActions, coreEvents));
        }

        return rows;
    }

    /// <summary>A customer won <paramref name="wonDaysAgo"/> days ago whose every state is Hit and whose stage is Healthy.</summary>
    public static AccountSnapshot HealthyCustomer(string id = "acc-healthy", int wonDaysAgo = 300) => Account(id) with
    {
        Opportunities = [Won(DaysAgo(wonDaysAgo))],
        GoalOwnerId = "c-exec",
        PrimaryGoal = "Cut month-end close from 10 to 5 days",
        GoalReviewedOn = DaysAgo(30),
        KickoffOn = DaysAgo(wonDaysAgo - 5),
        OnboardingCompleteOn = DaysAgo(wonDaysAgo - 60),
        WorkflowsLive = true,
        ConfigVerifiedOn = DaysAgo(40),
        IntegrationStatus = IntegrationStatus.Live,
        IntegrationChangedOn = DaysAgo(200),
        InNewHireOnboarding = true,
        LastOutcomeOn = DaysAgo(20),
        LastOutcome = "Close time down 30% in Q1",
        Contacts =
        [
            Contact("c-exec", "Finance", ContactRole.ExecSponsor, DaysAgo(3), DaysAgo(10)),
            Contact("c-champ", "Operations", ContactRole.Champion, DaysAgo(1), DaysAgo(5)),
        ],
        Usage = DailyUsage(DaysAgo(wonDaysAgo - 10), AsOf),
    };
}
