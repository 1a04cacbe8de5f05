using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Sandbox.Seed;

/// <summary>
/// Values a previous system (or a CS team by hand) left in the managed fields before go-live: a plausible stage for the
/// account's scenario with entry dates a few days off what the rules compute, and one state reading. Go-live must replace
/// them exactly as an uninterrupted run would (rules.md §8 "Go-live equals replay"), whatever interrupts it.
/// </summary>
internal static class PreviousSystem
{
    public static AccountSnapshot Apply(AccountSnapshot account, Scenario scenario, DateOnly asOf, int index)
    {
        if (StageOf(scenario) is not { } stage)
        {
            return account;
        }

        // Stamped later than the facts (a weekly import), and by a different amount per account.
        var lag = 3 + (index % 5);
        var customerSince = account.Opportunities.Where(o => o is { IsWon: true, CloseDate: not null }).Min(o => o.CloseDate);
        var entries = new Dictionary<string, DateOnly>(StringComparer.Ordinal) { [stage] = asOf.AddDays(-(20 + (index % 30))) };
        if (customerSince is { } since)
        {
            entries[DefaultRules.NewCustomer] = since.AddDays(lag);
        }

        return account with
        {
            Managed = account.Managed with
            {
                Stage = stage,
                StageEntryDates = entries,
                States = account.Managed.States.With(CsState.GoalClarity, new StateReading(StateValue.Hit, asOf.AddDays(-(30 + lag)))),
            },
        };
    }

    private static string? StageOf(Scenario scenario) => scenario switch
    {
        Scenario.NewCustomer => DefaultRules.NewCustomer,
        Scenario.Onboarding => DefaultRules.Onboarding,
        Scenario.Adopting => DefaultRules.Adopting,
        Scenario.Healthy or Scenario.ExpansionWithDeparture => DefaultRules.Healthy,
        Scenario.CoreEventsDropped or Scenario.IntegrationRemoved or Scenario.RenewalAtRisk => DefaultRules.AtRisk,
        Scenario.Churned => DefaultRules.Churned,
        _ => null,
    };
}
