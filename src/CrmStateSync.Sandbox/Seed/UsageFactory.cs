using CrmStateSync.Rules.Model;

namespace CrmStateSync.Sandbox.Seed;

/// <summary>Daily (or, for weekly accounts, week-start) usage rows from the customer's start over the last N days.</summary>
internal static class UsageFactory
{
    public const string ProjectsCreated = "projects_created";

    public static IReadOnlyList<UsageRow> Rows(Scenario scenario, DateOnly? since, DateOnly asOf, int days, bool weekly, Random random)
    {
        if (since is not { } start || scenario == Scenario.NewCustomer)
        {
            return [];
        }

        var first = asOf.AddDays(-(days - 1));
        first = start > first ? start : first;
        var last = scenario == Scenario.Churned ? asOf.AddDays(-20) : asOf;
        var rows = new List<UsageRow>();
        for (var day = first; day <= last; day = day.AddDays(weekly ? 7 : 1))
        {
            var span = weekly ? 7 : 1;
            var (users, value, core) = (0, 0, 0);
            for (var d = 0; d < span && day.AddDays(d) <= last; d++)
            {
                var (u, v, c) = Daily(scenario, asOf.DayNumber - day.AddDays(d).DayNumber, random);
                (users, value, core) = (Math.Max(users, u), value + v, core + c);
            }

            rows.Add(new UsageRow
            {
                Date = day, ActiveUsers = users, ValueActions = value, CoreEvents = core,
                Metrics = new Dictionary<string, double> { [ProjectsCreated] = random.Next(0, 2) },
            });
        }

        return rows;
    }

    /// <summary>(active users, value actions, core events) on a day <paramref name="ago"/> days before as-of.</summary>
    private static (int Users, int Value, int Core) Daily(Scenario scenario, int ago, Random random) => scenario switch
    {
        Scenario.Onboarding => (1 + random.Next(2), random.Next(10) < 3 ? 1 : 0, random.Next(2)),
        Scenario.Adopting => (3 + random.Next(3), 1 + random.Next(3), 1 + random.Next(2)),
        Scenario.RenewalAtRisk => (2 + random.Next(3), 1 + random.Next(2), 1 + random.Next(2)),
        Scenario.CoreEventsDropped when ago < 30 => (3 + random.Next(3), random.Next(2), random.Next(10) < 1 ? 1 : 0),
        _ => (5 + random.Next(10), 2 + random.Next(5), 2 + random.Next(4)),
    };
}
