using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.GoLiveEqualsReplay;

/// <summary>
/// Seeded generator of accounts whose facts are dated: chains of contracts with gaps (overlaps, 0, 1, 2 and longer
/// gaps), lost renewals, expansions, departures, leadership and goal changes, outcomes, integration changes. Usage is
/// weekly with value actions from before the first close, so every usage window holds some (the states compared are
/// the ones dated facts decide). Everything is dated relative to <see cref="AsOf"/>.
/// </summary>
internal static class DatedFactsGenerator
{
    public static readonly DateOnly AsOf = Some.AsOf;

    private static readonly int[] Gaps = [-40, -1, 0, 0, 1, 1, 2, 30, 120];
    private static readonly string[] Functions = ["Finance", "Operations", "Sales", "IT"];

    public static AccountSnapshot Generate(Random random, int index)
    {
        var firstClose = AsOf.AddDays(-random.Next(20, 800));
        var contacts = Contacts(random, firstClose);
        return new AccountSnapshot
        {
            Id = $"dated-{index}",
            Segment = random.Next(3) switch { 0 => "SMB", 1 => "Enterprise", _ => "default" },
            Opportunities = Opportunities(random, firstClose),
            Contacts = contacts,
            GoalOwnerId = random.Next(5) == 0 ? null : contacts[random.Next(contacts.Count)].Id,
            PrimaryGoal = random.Next(6) == 0 ? null : "Grow pipeline 20%",
            GoalReviewedOn = Maybe(random, firstClose, 3),
            GoalChangedOn = Maybe(random, firstClose, 3),
            LeadershipChangeOn = Maybe(random, firstClose, 3),
            KickoffOn = Maybe(random, firstClose.AddDays(-30), 3),
            WorkflowsLive = true,
            ConfigVerifiedOn = Maybe(random, firstClose, 4),
            WorkflowGapOn = Maybe(random, firstClose, 2),
            IntegrationStatus = (IntegrationStatus)random.Next(4),
            IntegrationChangedOn = Maybe(random, firstClose, 6),
            InNewHireOnboarding = random.Next(3) switch { 0 => null, 1 => false, _ => true },
            LastOutcomeOn = Maybe(random, firstClose, 3),
            Usage = WeeklyUsage(random, firstClose.AddDays(-14)),
        };
    }

    /// <summary>A date between <paramref name="from"/> and as-of, absent one time in <paramref name="absentOneIn"/>.</summary>
    private static DateOnly? Maybe(Random random, DateOnly from, int absentOneIn) =>
        random.Next(absentOneIn) == 0 ? null : from.AddDays(random.Next(0, Math.Max(1, AsOf.DayNumber - from.DayNumber + 1)));

    private static List<Opportunity> Opportunities(Random random, DateOnly firstClose)
    {
        var list = new List<Opportunity>();
        var close = firstClose;
        for (var i = 0; i < 4 && close <= AsOf; i++)
        {
            var openEnded = random.Next(6) == 0;
            DateOnly? end = openEnded ? null : close.AddDays(random.Next(60, 400));
            var type = i == 0 || random.Next(3) == 0 ? OpportunityType.NewBusiness : OpportunityType.Renewal;
            list.Add(new Opportunity { Id = $"deal-{i}", IsClosed = true, IsWon = true, CloseDate = close, Type = type, ContractStart = close, ContractEnd = end });
            if (end is not { } e)
            {
                break;
            }

            if (random.Next(5) == 0)
            {
                list.Add(new Opportunity { Id = $"lost-{i}", IsClosed = true, IsWon = false, CloseDate = e.AddDays(random.Next(-20, 20)), Type = OpportunityType.Renewal });
            }

            if (random.Next(6) == 0)
            {
                list.Add(new Opportunity { Id = $"exp-{i}", IsClosed = true, IsWon = true, CloseDate = close.AddDays(random.Next(1, 60)), Type = OpportunityType.Expansion });
            }

            close = e.AddDays(Gaps[random.Next(Gaps.Length)] + 1);
        }

        if (random.Next(4) == 0)
        {
            list.Add(new Opportunity { Id = "open-renewal", IsClosed = false, CloseDate = AsOf.AddDays(random.Next(0, 120)), Type = OpportunityType.Renewal });
        }

        return list;
    }

    /// <summary>Contacts with distinct functions (so a function shortfall never puts 04 in grace).</summary>
    private static List<Contact> Contacts(Random random, DateOnly firstClose)
    {
        var list = new List<Contact>();
        for (var i = 0; i < random.Next(1, 5); i++)
        {
            list.Add(new Contact
            {
                Id = $"c{i}",
                Function = Functions[i],
                Role = i == 0 ? ContactRole.ExecSponsor : i == 1 ? ContactRole.Champion : (ContactRole)random.Next(3),
                LastActiveOn = Maybe(random, firstClose, 4),
                LastEngagedOn = Maybe(random, firstClose, 3),
                DepartedOn = random.Next(3) == 0 ? Maybe(random, firstClose, 1) : null,
            });
        }

        return list;
    }

    private static List<UsageRow> WeeklyUsage(Random random, DateOnly from)
    {
        var rows = new List<UsageRow>();
        for (var d = from; d <= AsOf; d = d.AddDays(7))
        {
            rows.Add(new UsageRow { Date = d, ActiveUsers = random.Next(0, 4), ValueActions = random.Next(1, 8), CoreEvents = random.Next(0, 4) });
        }

        return rows;
    }
}
