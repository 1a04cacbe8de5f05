using CrmStateSync.Rules.Model;

namespace CrmStateSync.Sync.Tests.Backfill;

/// <summary>The object mother of the backfill tests: an account whose daily history is known to the day.</summary>
internal static class Some
{
    public static readonly DateOnly D0 = new(2024, 1, 1);
    public static readonly DateOnly Kickoff = D0.AddDays(5);
    public static readonly DateOnly OnboardingComplete = D0.AddDays(60);

    public static AccountSnapshot Account(string id = "acc-1") => new() { Id = id, Name = "Acme " + id, Segment = "default", OwnerId = "owner-1" };

    public static Opportunity Won(DateOnly closedOn) =>
        new() { Id = "opp-won", IsClosed = true, IsWon = true, CloseDate = closedOn, Type = OpportunityType.NewBusiness, ContractStart = closedOn };

    public static Opportunity Lost(DateOnly closedOn) =>
        new() { Id = "opp-lost", IsClosed = true, IsWon = false, CloseDate = closedOn, Type = OpportunityType.NewBusiness };

    /// <summary>
    /// Won on D0, kickoff D0+5, one active user from day 10 and a second from day 80, one value action a day from day
    /// 30, two core events a day, onboarding complete on day 60. The CRM holds "Healthy" with made-up dates at go-live.
    /// </summary>
    public static AccountSnapshot Customer(int days = 200)
    {
        var rows = new List<UsageRow>(days);
        for (var day = 0; day < days; day++)
        {
            rows.Add(new UsageRow
            {
                Date = D0.AddDays(day),
                ActiveUsers = day < 10 ? 0 : day < 80 ? 1 : 2,
                ValueActions = day < 30 ? 0 : 1,
                CoreEvents = 2,
            });
        }

        return Account() with
        {
            Opportunities = [Won(D0)],
            KickoffOn = Kickoff,
            OnboardingCompleteOn = OnboardingComplete,
            Usage = rows,
            Managed = new ManagedValues
            {
                Stage = "Healthy",
                StageEntryDates = new Dictionary<string, DateOnly> { ["Healthy"] = new(2025, 6, 1) },
            },
        };
    }
}
