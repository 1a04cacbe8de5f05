namespace CrmStateSync.Sandbox.Seed;

/// <summary>The lifecycle situations the seed cycles through; each is shaped for one outcome of the default rules.</summary>
public enum Scenario
{
    /// <summary>No won opportunity yet (an open and a lost one): no stage.</summary>
    Prospect,

    /// <summary>Won days ago, no kickoff, no usage: New Customer.</summary>
    NewCustomer,

    /// <summary>Kickoff held, a few users, few value actions: Onboarding.</summary>
    Onboarding,

    /// <summary>Value actions above the threshold, onboarding not complete: Adopting.</summary>
    Adopting,

    /// <summary>Renewed, onboarding complete, steady usage, every state established: Healthy.</summary>
    Healthy,

    /// <summary>Healthy until core events halved in the last 30 days: At-Risk.</summary>
    CoreEventsDropped,

    /// <summary>The integration was removed: At-Risk.</summary>
    IntegrationRemoved,

    /// <summary>Renewal within 60 days with goals and outcomes lapsed: At-Risk.</summary>
    RenewalAtRisk,

    /// <summary>The contract ended and the renewal was lost: Churned.</summary>
    Churned,

    /// <summary>Healthy with an expansion won, a champion departed and a leadership change.</summary>
    ExpansionWithDeparture,
}
