using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.GoLiveEqualsReplay;

/// <summary>The last day of a day-by-day replay, and what the replay went through in the account's current life.</summary>
/// <param name="Final">The evaluation on the last day.</param>
/// <param name="AtRiskInLife">At-Risk was entered after the current life started (its recovery re-stamps stages).</param>
internal sealed record ReplayRun(EvaluationResult Final, bool AtRiskInLife);

/// <summary>Replays an account one day at a time, each day's result written back as the next day's previous values.</summary>
internal static class DayByDay
{
    public static ReplayRun Run(RulesEngine engine, AccountSnapshot snapshot, DateOnly from, DateOnly asOf)
    {
        var account = snapshot with { Managed = ManagedValues.Empty, LastWritten = null };
        EvaluationResult? result = null;
        var atRisk = false;
        for (var day = from; day <= asOf; day = day.AddDays(1))
        {
            result = engine.Evaluate(account, day, EvaluationMode.Backfill);
            foreach (var t in result.Stage.Transitions)
            {
                // A new life (the first stage, or a reactivation out of Churned) forgets the At-Risk episodes before it.
                atRisk = t.To == DefaultRules.AtRisk || (atRisk && t.From is not (null or DefaultRules.Churned));
            }

            account = result.Apply(account);
        }

        return new ReplayRun(result ?? throw new ArgumentException("the replay has no day", nameof(asOf)), atRisk);
    }
}
