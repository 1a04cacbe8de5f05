using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Milestones;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Signals;
using CrmStateSync.Rules.States;

namespace CrmStateSync.Rules.Evaluation;

/// <summary>
/// Edge-triggered interventions: raised when a value is entered (it differs from the previous value). The previous
/// values are the last written ones, or at go-live what the CRM holds; with none, nothing is raised (rules.md §8).
/// </summary>
internal static class Interventions
{
    public static IReadOnlyList<Intervention> Collect(AccountSnapshot snapshot, StateOutcome[] states, MilestoneOutcome milestones, Thresholds t, DateOnly asOf)
    {
        List<Intervention>? raised = null;
        foreach (var outcome in states)
        {
            if (outcome.RaisesOnEntry is { } kind && snapshot.Managed.States.Get(outcome.State) is { } previous && Entered(previous, outcome, kind) is { } reason)
            {
                (raised ??= []).Add(new Intervention(kind, snapshot.Id, outcome.InterventionDue!.Value, reason));
            }
        }

        if (milestones.Stalled && StallIsNew(snapshot))
        {
            var due = asOf.AddDays(t.InterventionDueDays);
            (raised ??= []).Add(new Intervention(InterventionKind.MilestoneStalled, snapshot.Id, due, $"milestone blocked: {milestones.Reason}"));
        }

        return raised ?? (IReadOnlyList<Intervention>)[];
    }

    /// <summary>
    /// The reason when the value is entered, else null. A value is entered when it differs from the previous one. The
    /// two event-dated resets (01 by a leadership change, 04 by a departure) are entered again by a new event dated
    /// after the previous value's verified-on (a never-established Reset has none, so any event is new); an older or
    /// equal date is news the last task already covered.
    /// </summary>
    private static string? Entered(StateReading previous, in StateOutcome outcome, InterventionKind kind)
    {
        if (previous.Value != outcome.Value)
        {
            return $"{outcome.State.Label()} entered {outcome.Value} (was {previous.Value}): {outcome.Reason}";
        }

        var eventDated = kind is InterventionKind.GoalClarityConversation or InterventionKind.StakeholderReengagement;
        if (!eventDated || outcome.VerifiedOn is not { } on || previous.VerifiedOn >= on)
        {
            return null;
        }

        var what = kind == InterventionKind.GoalClarityConversation ? "leadership change" : $"departure of {outcome.Reason.Text}";
        return $"{outcome.State.Label()}: new {what} on {on.Iso()}: {outcome.Reason}";
    }

    /// <summary>
    /// Entering stalled (rules.md §8 "Milestone stall at first sight"): the previous stalled value is false or absent and
    /// the account had a previous evaluation or a CRM value. The record stays stalled until the blocked milestone
    /// completes (stalled goes false), so it is raised once per blocked milestone, whatever its stalled-since date does.
    /// </summary>
    private static bool StallIsNew(AccountSnapshot snapshot) =>
        snapshot.Managed.MilestoneStalled != true && (snapshot.LastWritten is not null || HasCrmValue(snapshot.Managed));

    private static bool HasCrmValue(ManagedValues m) =>
        !string.IsNullOrWhiteSpace(m.Stage) || m.MilestoneStalled is not null || m.StageEntryDates.Count > 0 || m.Milestones.Count > 0
        || CsStates.All.Any(s => m.States.Get(s) is not null);
}
