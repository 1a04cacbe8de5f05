using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Milestones;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.States;

namespace CrmStateSync.Rules.Evaluation;

/// <summary>
/// Edge-triggered interventions: raised when a value is entered (it differs from the previous value). A first
/// evaluation raises none (per state value; per account for milestone stalls), so go-live does not flood the CSMs.
/// </summary>
internal static class Interventions
{
    public static IReadOnlyList<Intervention> Collect(AccountSnapshot snapshot, StateOutcome[] states, MilestoneOutcome milestones, Thresholds t, DateOnly asOf)
    {
        List<Intervention>? raised = null;
        foreach (var outcome in states)
        {
            if (outcome.RaisesOnEntry is { } kind && snapshot.Managed.States.Get(outcome.State) is { } previous && previous.Value != outcome.Value)
            {
                var reason = $"{outcome.State.Label()} entered {outcome.Value} (was {previous.Value}): {outcome.Reason}";
                (raised ??= []).Add(new Intervention(kind, snapshot.Id, outcome.InterventionDue!.Value, reason));
            }
        }

        var wasStalled = snapshot.Managed.MilestoneStalled;
        if (milestones.Stalled && wasStalled is not null
            && (wasStalled == false || snapshot.Managed.MilestoneStalledSince != milestones.StalledSince))
        {
            var due = asOf.AddDays(t.InterventionDueDays);
            (raised ??= []).Add(new Intervention(InterventionKind.MilestoneStalled, snapshot.Id, due, $"milestone blocked: {milestones.Reason}"));
        }

        return raised ?? (IReadOnlyList<Intervention>)[];
    }
}
