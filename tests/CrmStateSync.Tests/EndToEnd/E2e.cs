using CrmStateSync.Rules.Model;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>Object mother for the end-to-end scenarios: hand-made accounts whose computed values are known by hand.</summary>
internal static class E2e
{
    /// <summary>The day every scenario runs on (the engine's clock is stopped at its noon).</summary>
    public static readonly DateOnly AsOf = new(2026, 6, 1);

    /// <summary>A CSM editing the CRM by hand (neither the integration user nor the seed user).</summary>
    public const string HumanUser = "005SBX000000000777";

    public static DateOnly DaysAgo(int days) => AsOf.AddDays(-days);

    /// <summary>Won 7 days ago, nothing else: New Customer since then, every state Reset, no milestone.</summary>
    public static AccountSnapshot NewCustomer(string name = "Fresh Co") => new()
    {
        Id = name,
        Name = name,
        Segment = "default",
        OwnerId = "Olivia Owner",
        Opportunities = [Won(DaysAgo(7))],
    };

    /// <summary>Won 300 days ago, kicked off 295 days ago, onboarded, busy, every state Hit: Healthy.</summary>
    public static AccountSnapshot Healthy(string name = "Steady Inc") => new()
    {
        Id = name,
        Name = name,
        Segment = "default",
        OwnerId = "Olivia Owner",
        Opportunities = [Won(DaysAgo(300))],
        GoalOwnerId = name + "-exec",
        PrimaryGoal = "Cut month-end close from 10 to 5 days",
        GoalReviewedOn = DaysAgo(30),
        KickoffOn = DaysAgo(295),
        OnboardingCompleteOn = DaysAgo(240),
        WorkflowsLive = true,
        ConfigVerifiedOn = DaysAgo(40),
        IntegrationStatus = IntegrationStatus.Live,
        IntegrationChangedOn = DaysAgo(200),
        InNewHireOnboarding = true,
        LastOutcomeOn = DaysAgo(20),
        LastOutcome = "Close time down 30% in Q1",
        Contacts =
        [
            new Contact { Id = name + "-exec", Function = "Finance", Role = ContactRole.ExecSponsor, LastActiveOn = DaysAgo(3), LastEngagedOn = DaysAgo(10) },
            new Contact { Id = name + "-champ", Function = "Operations", Role = ContactRole.Champion, LastActiveOn = DaysAgo(1), LastEngagedOn = DaysAgo(5) },
        ],
        Usage = DailyUsage(DaysAgo(45), AsOf),
    };

    /// <summary>Healthy, but the integration broke 5 days ago: Daily-Work Integration Slipping, so hidden risk.</summary>
    public static AccountSnapshot BrokenIntegration(string name = "Cracked Ltd") => Healthy(name) with
    {
        IntegrationStatus = IntegrationStatus.Broken,
        IntegrationChangedOn = DaysAgo(5),
    };

    public static Opportunity Won(DateOnly closedOn) =>
        new() { Id = "opp-" + closedOn.DayNumber, IsClosed = true, IsWon = true, CloseDate = closedOn, Type = OpportunityType.NewBusiness, ContractStart = closedOn };

    /// <summary>One row a day: 3 active users, 1 value action, 1 core event.</summary>
    public static IReadOnlyList<UsageRow> DailyUsage(DateOnly from, DateOnly to)
    {
        var rows = new List<UsageRow>();
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            rows.Add(new UsageRow { Date = d, ActiveUsers = 3, ValueActions = 1, CoreEvents = 1 });
        }

        return rows;
    }
}
