using CrmStateSync.Rules.Model;

namespace CrmStateSync.Sandbox.Seed;

/// <summary>Contacts with roles, functions, activity and departures shaped for a scenario. The first is the goal owner.</summary>
internal static class ContactFactory
{
    private static readonly string[] Functions = ["Finance", "Operations", "Sales", "IT", "Marketing", "Support"];

    public static IReadOnlyList<Contact> For(string accountId, Scenario scenario, DateOnly asOf, Random random)
    {
        var contacts = new List<Contact>();
        void Add(ContactRole role, string function, int? activeAgo, int? engagedAgo = null, int? departedAgo = null) => contacts.Add(new Contact
        {
            Id = $"{accountId}-c{contacts.Count + 1}",
            Role = role,
            Function = function,
            LastActiveOn = activeAgo is { } a ? asOf.AddDays(-a) : null,
            LastEngagedOn = engagedAgo is { } e ? asOf.AddDays(-e) : null,
            DepartedOn = departedAgo is { } d ? asOf.AddDays(-d) : null,
        });

        if (scenario is Scenario.Prospect or Scenario.NewCustomer)
        {
            Add(ContactRole.ExecSponsor, "Finance", null, engagedAgo: 5);
            Add(ContactRole.User, Functions[random.Next(Functions.Length)], null);
            return contacts;
        }

        var (sponsorEngaged, champion, users, userActive) = scenario switch
        {
            Scenario.Onboarding => (10, (int?)3, 1, 5),
            Scenario.RenewalAtRisk => (150, 20, 2, 25),
            Scenario.Churned => (120, 60, 2, 45),
            _ => (15 + random.Next(30), 1 + random.Next(4), 2 + random.Next(3), 1),
        };
        Add(ContactRole.ExecSponsor, "Finance", null, engagedAgo: sponsorEngaged);
        Add(ContactRole.Champion, "Operations", champion, engagedAgo: champion);
        for (var u = 0; u < users; u++)
        {
            Add(ContactRole.User, Functions[(u + 2) % Functions.Length], userActive + random.Next(4));
        }

        if (scenario == Scenario.ExpansionWithDeparture)
        {
            Add(ContactRole.Champion, "Sales", 40, engagedAgo: 40, departedAgo: 12);
        }

        return contacts;
    }
}
