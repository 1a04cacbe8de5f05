namespace CrmStateSync.Benchmarks;

/// <summary>
/// The kinds of account the generator mixes, so that every stage and the main state paths run.
/// The weights (per 100 accounts) are in <see cref="AccountGenerator"/>.
/// </summary>
public enum AccountProfile
{
    /// <summary>Won 0–7 days ago; no kickoff, no active usage since the win (trial rows before it).</summary>
    NewCustomer,

    /// <summary>
    /// Won 15–45 days ago; kickoff done, a few active days, value actions below the Adopting threshold (a quarter with
    /// no activity at all, so the first milestone stalls).
    /// </summary>
    Onboarding,

    /// <summary>Won 40–150 days ago; value actions over the threshold, onboarding not complete.</summary>
    Adopting,

    /// <summary>Won 200–900 days ago; every state Hit, steady usage.</summary>
    Healthy,

    /// <summary>Healthy-looking usage but one or two states slipping or reset (hidden risk divergence).</summary>
    Drifting,

    /// <summary>Core events halved, the integration removed, or a near renewal with states not Hit.</summary>
    AtRisk,

    /// <summary>Every contract ended, or the renewal was lost.</summary>
    Churned,
}
