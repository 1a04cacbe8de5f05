using CrmStateSync.Rules.Model;

namespace CrmStateSync.Sandbox.Seed;

/// <summary>The commercial history of a scenario: opportunities (won, lost, renewal, expansion) and contract dates.</summary>
internal sealed class ScenarioHistory(Scenario scenario, DateOnly asOf, Random random)
{
    private readonly int _jitter = random.Next(0, 5);

    /// <summary>The first contract's start (usage begins here), or null for a prospect.</summary>
    public DateOnly? CustomerSince => scenario switch
    {
        Scenario.Prospect => null,
        Scenario.NewCustomer => Ago(3),
        Scenario.Onboarding => Ago(30),
        Scenario.Adopting => Ago(90),
        Scenario.RenewalAtRisk => Ago(335),
        Scenario.Churned => Ago(415),
        _ => Ago(395),
    };

    public IReadOnlyList<Opportunity> Opportunities(string accountId)
    {
        var ops = new List<Opportunity>();
        void Add(bool closed, bool won, int closedDaysAgo, OpportunityType type, DateOnly? start = null, DateOnly? end = null) =>
            ops.Add(new Opportunity
            {
                Id = $"{accountId}-o{ops.Count + 1}", IsClosed = closed, IsWon = won, CloseDate = Ago(closedDaysAgo), Type = type,
                ContractStart = start, ContractEnd = end,
            });

        if (CustomerSince is not { } since)
        {
            Add(true, false, 100, OpportunityType.NewBusiness);
            Add(false, false, -30, OpportunityType.NewBusiness);
            return ops;
        }

        var firstEnd = scenario switch
        {
            Scenario.RenewalAtRisk => asOf.AddDays(30),
            Scenario.Churned => Ago(20),
            Scenario.NewCustomer or Scenario.Onboarding or Scenario.Adopting => since.AddDays(365),
            _ => Ago(30),
        };
        Add(true, true, asOf.DayNumber - since.DayNumber + 5, OpportunityType.NewBusiness, since, firstEnd);
        switch (scenario)
        {
            case Scenario.RenewalAtRisk:
                Add(false, false, -30, OpportunityType.Renewal);
                break;
            case Scenario.Churned:
                Add(true, false, 25, OpportunityType.Renewal);
                break;
            case Scenario.Healthy or Scenario.CoreEventsDropped or Scenario.IntegrationRemoved or Scenario.ExpansionWithDeparture:
                Add(true, true, 40, OpportunityType.Renewal, Ago(30), Ago(30).AddDays(365));
                break;
            default:
                break;
        }

        if (scenario == Scenario.ExpansionWithDeparture)
        {
            Add(true, true, 60, OpportunityType.Expansion, Ago(55), Ago(30).AddDays(365));
        }

        return ops;
    }

    private DateOnly Ago(int days) => asOf.AddDays(-days - _jitter);
}
