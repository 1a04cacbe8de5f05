using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Signals;

/// <summary>
/// The renewal date as the rules read it (rules.md §8: the earliest of active contract ends and open Renewal close dates
/// on or after the as-of date), for callers outside an evaluation — the divergence report ranks by it — so they use the
/// rules' own reading instead of a copy of it.
/// </summary>
public static class Renewal
{
    /// <summary>The account's next renewal on or after <paramref name="asOf"/>, or null when none is known.</summary>
    public static DateOnly? On(IReadOnlyList<Opportunity> opportunities, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        var signals = new Signals { AsOf = asOf };
        OpportunitySignals.Fill(signals, opportunities, asOf);
        return signals.RenewalOn;
    }
}
