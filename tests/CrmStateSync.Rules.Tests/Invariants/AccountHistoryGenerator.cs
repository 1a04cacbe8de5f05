using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.Invariants;

/// <summary>
/// Hand-rolled generator of account histories for the property tests: seeded, so a failing seed reproduces.
/// Each account is the final snapshot of a year; evaluating it at earlier as-of dates sees only the facts known then.
/// </summary>
internal static class AccountHistoryGenerator
{
    public static readonly DateOnly Start = new(2025, 1, 1);

    public static AccountSnapshot Generate(int seed)
    {
        var random = new Random(seed);
        var won = Start.AddDays(random.Next(0, 60));
        var contacts = Contacts(random, won);
        return new AccountSnapshot
        {
            Id = $"gen-{seed}",
            Segment = random.Next(3) switch { 0 => "SMB", 1 => "Enterprise", _ => "default" },
            Opportunities = Opportunities(random, won),
            Contacts = contacts,
            GoalOwnerId = random.Next(4) == 0 ? null : contacts[0].Id,
            PrimaryGoal = random.Next(5) == 0 ? null : "Grow pipeline 20%",
            GoalReviewedOn = Maybe(random, won, 365),
            GoalChangedOn = Maybe(random, won, 365, 3),
            LeadershipChangeOn = Maybe(random, won, 365, 4),
            KickoffOn = Maybe(random, won, 30),
            OnboardingCompleteOn = Maybe(random, won, 200),
            WorkflowsLive = random.Next(3) > 0,
            ConfigVerifiedOn = Maybe(random, won, 300),
            WorkflowGapOn = Maybe(random, won, 365, 4),
            IntegrationStatus = (IntegrationStatus)random.Next(4),
            IntegrationChangedOn = Maybe(random, won, 365),
            InNewHireOnboarding = random.Next(3) switch { 0 => null, 1 => false, _ => true },
            LastOutcomeOn = Maybe(random, won, 365),
            Usage = Usage(random, won.AddDays(-random.Next(0, 20))),
        };
    }

    private static DateOnly? Maybe(Random random, DateOnly from, int withinDays, int absentOneIn = 3) =>
        random.Next(absentOneIn) == 0 ? null : from.AddDays(random.Next(0, withinDays));

    private static List<Opportunity> Opportunities(Random random, DateOnly won)
    {
        var list = new List<Opportunity>();
        var end = random.Next(3) == 0 ? won.AddDays(random.Next(120, 330)) : (DateOnly?)null;
        list.Add(new Opportunity { Id = "o1", IsClosed = true, IsWon = true, CloseDate = won, Type = OpportunityType.NewBusiness, ContractStart = won, ContractEnd = end });
        if (end is { } e && random.Next(2) == 0)
        {
            var renewalWon = random.Next(2) == 0;
            list.Add(new Opportunity { Id = "o2", IsClosed = true, IsWon = renewalWon, CloseDate = e.AddDays(random.Next(-20, 40)), Type = OpportunityType.Renewal, ContractStart = e.AddDays(1), ContractEnd = renewalWon ? e.AddDays(365) : null });
        }

        if (random.Next(3) == 0)
        {
            list.Add(new Opportunity { Id = "o3", IsClosed = false, CloseDate = won.AddDays(random.Next(200, 420)), Type = OpportunityType.Renewal });
        }

        return list;
    }

    private static List<Contact> Contacts(Random random, DateOnly won)
    {
        string[] functions = ["Finance", "Operations", "Sales", "IT"];
        var list = new List<Contact>();
        for (var i = 0; i < random.Next(1, 6); i++)
        {
            list.Add(new Contact
            {
                Id = $"c{i}",
                Function = random.Next(5) == 0 ? null : functions[random.Next(functions.Length)],
                Role = i == 0 ? ContactRole.ExecSponsor : i == 1 ? ContactRole.Champion : ContactRole.User,
                LastActiveOn = Maybe(random, won, 365, 5),
                LastEngagedOn = Maybe(random, won, 365, 4),
                DepartedOn = Maybe(random, won, 365, 2) is { } d && random.Next(3) == 0 ? d : null,
            });
        }

        return list;
    }

    /// <summary>Daily usage in regimes: ramps, plateaus and drops, so every usage rule gets exercised.</summary>
    private static List<UsageRow> Usage(Random random, DateOnly from)
    {
        var rows = new List<UsageRow>();
        int users = 0, actions = 0, events = 0;
        for (var d = from; d < from.AddDays(400); d = d.AddDays(1))
        {
            if (random.Next(30) == 0)
            {
                (users, actions, events) = (random.Next(0, 5), random.Next(0, 3), random.Next(0, 4));
            }

            rows.Add(new UsageRow { Date = d, ActiveUsers = users, ValueActions = actions, CoreEvents = events });
        }

        return rows;
    }
}
