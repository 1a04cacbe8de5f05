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
            if (outcome.RaisesOnEntry is { } kind && snapshot.Managed.States.Get(outcome.State) is { } previous && IsEntered(previous, outcome, kind))
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

    /// <summary>
    /// A value is entered when it differs from the previous one. The two event-dated resets (01 by a leadership change,
    /// 04 by a departure) are also entered by a new event while already Reset — a second VP leaving, or a leadership
    /// change on an account whose goals were never established (§8: "the goal-clarity conversation is raised") —
    /// recognised by the event date (the verified-on) changing.
    /// </summary>
    private static bool IsEntered(StateReading previous, in StateOutcome outcome, InterventionKind kind) =>
        previous.Value != outcome.Value
        || (kind is InterventionKind.GoalClarityConversation or InterventionKind.StakeholderReengagement && previous.VerifiedOn != outcome.VerifiedOn);
}
