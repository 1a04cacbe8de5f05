namespace CrmStateSync.Rules.Signals;

/// <summary>
/// The sentences behind the default stage reasons: they name the deal and the dates that decided a stage and say in
/// words what is missing, so a CSM never reads a placeholder like "kickoff none".
/// </summary>
internal static class SignalTexts
{
    public static string CustomerStart(Signals s)
    {
        if (s.CustomerSince is not { } since)
        {
            return "no won deal yet";
        }

        var deal = s.CustomerSinceDeal is { } id ? $"deal {id}" : "a deal";
        return s.ReactivatedAfterChurnOn is { } churnedOn
            ? $"reactivated on {since.Iso()} after {s.ReactivatedAfterCause ?? "the subscription ended"} {churnedOn.Iso()}: {deal} won {since.Iso()}"
            : $"{deal} won {since.Iso()} with an active subscription";
    }

    public static string OnboardingStart(Signals s) => (s.KickoffOn, s.FirstActiveOn) switch
    {
        ({ } kickoff, { } active) => $"kickoff held {kickoff.Iso()}, first active user {active.Iso()}",
        ({ } kickoff, null) => $"kickoff held {kickoff.Iso()}; no active user yet",
        (null, { } active) => $"first active user {active.Iso()}; no kickoff recorded",
        _ => "no kickoff recorded and no active user yet",
    };

    public static string Churn(Signals s)
    {
        var churn = s.ChurnNow ?? new ChurnReading(s.ChurnedOn ?? default, s.SubscriptionEndedOn, s.SubscriptionEndedDeal, s.RenewalLostOn, s.RenewalLostDeal);
        var ended = churn.EndedOn is { } end ? $"every contract ended, the last ({churn.EndedDeal}) on {end.Iso()}" : null;
        var lost = churn.LostOn is { } on ? $"renewal {churn.LostDeal} lost {on.Iso()} with nothing won after it" : null;
        return (ended, lost) switch
        {
            ({ } e, { } l) => churn.EndedOn <= churn.LostOn ? $"{e} (and {l})" : $"{l} (and {e})",
            ({ } e, null) => e,
            (null, { } l) => l,
            _ => "a subscription is still active",
        };
    }
}
