using CrmStateSync.Rules.Model;

namespace CrmStateSync.Benchmarks;

/// <summary>Builds the lists of a generated account: 90 daily usage rows, 10 contacts and 5 opportunities.</summary>
internal static class AccountParts
{
    public const int UsageDays = 90;
    public const int ContactCount = 10;

    private static readonly string[] Functions = ["Finance", "Operations", "Sales", "Marketing", "IT", "HR", "Support"];

    /// <summary>Shared and read-only: a row that created a project (the <c>first_project</c> milestone reads it).</summary>
    private static readonly IReadOnlyDictionary<string, double> ProjectCreated = new Dictionary<string, double> { ["projects_created"] = 1 };

    private static readonly IReadOnlyDictionary<string, double> Empty = new Dictionary<string, double>();

    public static UsageRow[] Usage(AccountShape s, DateOnly asOf, Random rng)
    {
        var rows = new UsageRow[UsageDays];
        for (var i = 0; i < UsageDays; i++)
        {
            var age = UsageDays - 1 - i;
            var (active, values, core) = Day(s.Usage, age, s.WonDaysAgo - age, rng);
            rows[i] = new UsageRow
            {
                Date = asOf.AddDays(-age),
                ActiveUsers = active,
                ValueActions = values,
                CoreEvents = core,
                Metrics = values > 0 && rng.Next(4) == 0 ? ProjectCreated : Empty,
            };
        }

        return rows;
    }

    /// <summary>One day's (active users, value actions, core events); <paramref name="sinceWon"/> &lt; 0 is before the win.</summary>
    private static (int Active, int Values, int Core) Day(UsageKind kind, int age, int sinceWon, Random rng) => kind switch
    {
        UsageKind.Idle => (0, 0, 0),
        UsageKind.Trial => sinceWon < 0 ? (rng.Next(1, 3), rng.Next(0, 2), rng.Next(0, 2)) : (0, 0, 0),
        UsageKind.Light => sinceWon < 0 ? (0, 0, 0) : (rng.Next(10) < 4 ? 1 : 0, rng.Next(10) < 2 ? 1 : 0, rng.Next(10) < 3 ? 1 : 0),
        UsageKind.Adopting => sinceWon < 0 ? (0, 0, 0) : (rng.Next(1, 4), rng.Next(1, 3), rng.Next(0, 2)),
        UsageKind.Steady => (rng.Next(2, 13), rng.Next(1, 4), rng.Next(1, 6)),
        UsageKind.Dropping => (rng.Next(2, 13), rng.Next(1, 4), age < 30 ? rng.Next(0, 2) : rng.Next(3, 7)),
        _ => rng.Next(UsageDays) < age ? (1, rng.Next(0, 2), rng.Next(0, 2)) : (0, 0, 0),
    };

    public static Contact[] Contacts(string accountId, AccountShape s, DateOnly asOf, Random rng)
    {
        var contacts = new Contact[ContactCount];
        var offset = rng.Next(Functions.Length);
        for (var i = 0; i < ContactCount; i++)
        {
            var role = i switch { 0 => ContactRole.ExecSponsor, 1 => ContactRole.Champion, _ => ContactRole.User };
            var active = i < s.ActiveContacts;
            contacts[i] = new Contact
            {
                Id = $"{accountId}-c{i}",
                Function = i == 9 ? null : Functions[(i + offset) % Functions.Length],
                Role = role,
                LastActiveOn = active ? asOf.AddDays(-rng.Next(0, 25)) : rng.Next(3) == 0 ? null : asOf.AddDays(-rng.Next(40, 200)),
                LastEngagedOn = role switch
                {
                    ContactRole.ExecSponsor => s.ExecEngagedDaysAgo is { } ago ? asOf.AddDays(-ago) : null,
                    ContactRole.Champion => asOf.AddDays(-rng.Next(0, 30)),
                    _ => rng.Next(4) == 0 ? asOf.AddDays(-rng.Next(0, 90)) : null,
                },
                DepartedOn = i == 0 && s.ExecDepartedDaysAgo is { } gone ? asOf.AddDays(-gone)
                    : i == 8 && rng.Next(5) == 0 ? asOf.AddDays(-rng.Next(1, 120)) : null,
            };
        }

        return contacts;
    }

    public static Opportunity[] Opportunities(string accountId, AccountShape s, DateOnly asOf, Random rng)
    {
        var won = asOf.AddDays(-s.WonDaysAgo);
        DateOnly? end = s.ContractEndIn is { } e ? asOf.AddDays(e) : null;
        var expansionOn = won.AddDays(30);
        return
        [
            new() { Id = accountId + "-o0", IsClosed = true, IsWon = true, CloseDate = won, Type = OpportunityType.NewBusiness, ContractStart = won, ContractEnd = end },
            new() { Id = accountId + "-o1", IsClosed = expansionOn <= asOf, IsWon = expansionOn <= asOf, CloseDate = expansionOn, Type = OpportunityType.Expansion },
            s.RenewalLost && end is { } lostOn
                ? new() { Id = accountId + "-o2", IsClosed = true, IsWon = false, CloseDate = lostOn.AddDays(-rng.Next(0, 5)), Type = OpportunityType.Renewal }
                : new() { Id = accountId + "-o2", IsClosed = false, CloseDate = end is { } d && d >= asOf ? d : asOf.AddDays(200), Type = OpportunityType.Renewal },
            new() { Id = accountId + "-o3", IsClosed = true, IsWon = false, CloseDate = won.AddDays(-rng.Next(60, 200)), Type = OpportunityType.NewBusiness },
            new() { Id = accountId + "-o4", IsClosed = false, CloseDate = asOf.AddDays(rng.Next(10, 90)), Type = OpportunityType.Expansion },
        ];
    }
}
