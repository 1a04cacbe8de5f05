using System.Globalization;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Sandbox.Seed;

/// <summary>Builds one generated account for a <see cref="Scenario"/>: its inputs, opportunities, contacts and usage.</summary>
internal sealed class AccountFactory(Random random, SeedOptions options, int index)
{
    private static readonly string[] Goals = ["Cut onboarding time by a third", "Close the books two days faster", "Halve ticket backlog", "Grow pipeline 20%"];
    private static readonly string[] Outcomes = ["Month-end close in 4 days", "Backlog down 45%", "Pipeline up 18%", "Cycle time 30 days"];

    private readonly string _id = "acc-" + index.ToString("D6", CultureInfo.InvariantCulture);
    private readonly DateOnly _asOf = options.AsOf;

    public AccountSnapshot Build(Scenario scenario)
    {
        var segment = SandboxSeed.Segments[index % SandboxSeed.Segments.Count];
        var account = new AccountSnapshot
        {
            Id = _id,
            Name = $"{Names.Company(index)} ({segment})",
            Segment = segment,
            OwnerId = "csm-" + (index % 7).ToString(CultureInfo.InvariantCulture),
        };
        if (!options.Children)
        {
            return Inputs(account, scenario);
        }

        var history = new ScenarioHistory(scenario, _asOf, random);
        var contacts = ContactFactory.For(_id, scenario, _asOf, random);
        return Inputs(account, scenario) with
        {
            GoalOwnerId = scenario is Scenario.Prospect or Scenario.NewCustomer ? null : contacts[0].Id,
            Opportunities = history.Opportunities(_id),
            Contacts = contacts,
            Usage = UsageFactory.Rows(scenario, history.CustomerSince, _asOf, options.UsageDays, weekly: segment == "SMB", random),
        };
    }

    private AccountSnapshot Inputs(AccountSnapshot a, Scenario s) => s switch
    {
        Scenario.Prospect or Scenario.NewCustomer => a,
        Scenario.Onboarding => a with { KickoffOn = Ago(25), PrimaryGoal = Goal(), GoalReviewedOn = Ago(20), IntegrationStatus = IntegrationStatus.None },
        Scenario.Adopting => Configured(a with { KickoffOn = Ago(85) }, 40) with { IntegrationStatus = IntegrationStatus.Live, IntegrationChangedOn = Ago(30) },
        Scenario.Healthy => Established(a),
        Scenario.CoreEventsDropped => Established(a) with { WorkflowGapOn = Ago(12) },
        Scenario.IntegrationRemoved => Established(a) with { IntegrationStatus = IntegrationStatus.Removed, IntegrationChangedOn = Ago(10) },
        Scenario.RenewalAtRisk => Configured(a with { KickoffOn = Ago(330), OnboardingCompleteOn = Ago(280) }, 200) with
        {
            IntegrationStatus = IntegrationStatus.Broken, IntegrationChangedOn = Ago(50), LastOutcome = Outcome(), LastOutcomeOn = Ago(200),
            AtRiskReason = index % 20 == 7 ? "Sponsor asked for a price review" : null,
        },
        Scenario.Churned => Established(a) with { IntegrationStatus = IntegrationStatus.Removed, IntegrationChangedOn = Ago(25) },
        Scenario.ExpansionWithDeparture => Established(a) with { LeadershipChangeOn = Ago(15), InNewHireOnboarding = false },
        _ => a,
    };

    private AccountSnapshot Configured(AccountSnapshot a, int reviewedDaysAgo) => a with
    {
        PrimaryGoal = Goal(),
        GoalReviewedOn = Ago(reviewedDaysAgo),
        GoalChangedOn = Ago(reviewedDaysAgo + 30),
        WorkflowsLive = true,
        ConfigVerifiedOn = Ago(reviewedDaysAgo / 2),
    };

    private AccountSnapshot Established(AccountSnapshot a) => Configured(a with { KickoffOn = Ago(380), OnboardingCompleteOn = Ago(320) }, 20 + random.Next(40)) with
    {
        IntegrationStatus = IntegrationStatus.Live,
        IntegrationChangedOn = Ago(300),
        InNewHireOnboarding = true,
        LastOutcome = Outcome(),
        LastOutcomeOn = Ago(10 + random.Next(40)),
    };

    private DateOnly Ago(int days) => _asOf.AddDays(-days);

    private string Goal() => Goals[random.Next(Goals.Length)];

    private string Outcome() => Outcomes[random.Next(Outcomes.Length)];
}
