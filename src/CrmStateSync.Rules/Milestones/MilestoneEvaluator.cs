using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Milestones;

/// <summary>
/// Completes milestones in order (several may complete in one evaluation; once complete, always complete) and flags
/// a stall the day after the next milestone's target days have passed since the previous completion.
/// </summary>
internal static class MilestoneEvaluator
{
    private static readonly IReadOnlyDictionary<string, DateOnly> None = new Dictionary<string, DateOnly>();

    public static MilestoneOutcome Evaluate(CompiledMilestone[] milestones, ManagedValues previous, Signals.Signals signals, DateOnly? customerEntry)
    {
        if (milestones.Length == 0)
        {
            return new MilestoneOutcome { CompletedOn = None, Reason = new Reason(ReasonCode.MilestonesNone) };
        }

        var asOf = signals.AsOf;
        Dictionary<string, DateOnly>? completed = null;
        var previousComplete = true;
        var next = -1;
        for (var i = 0; i < milestones.Length; i++)
        {
            var m = milestones[i];
            DateOnly? on = previous.Milestones.TryGetValue(m.Key, out var recorded) && recorded <= asOf ? recorded
                : previousComplete && customerEntry is not null && m.Condition(signals) ? asOf : null;
            if (on is { } date)
            {
                (completed ??= new Dictionary<string, DateOnly>(StringComparer.Ordinal))[m.Key] = date;
            }
            else if (next < 0)
            {
                next = i;
            }

            previousComplete = on is not null;
        }

        var count = completed?.Count ?? 0;
        if (next < 0)
        {
            return new MilestoneOutcome { Completed = count, Total = milestones.Length, CompletedOn = completed ?? None, Reason = new Reason(ReasonCode.MilestonesAllComplete, B: milestones.Length) };
        }

        return Pending(milestones, next, completed, customerEntry, asOf);
    }

    private static MilestoneOutcome Pending(CompiledMilestone[] milestones, int next, Dictionary<string, DateOnly>? completed, DateOnly? customerEntry, DateOnly asOf)
    {
        var m = milestones[next];
        DateOnly? anchor = next == 0 ? customerEntry : completed![milestones[next - 1].Key];
        var count = completed?.Count ?? 0;
        var outcome = new MilestoneOutcome
        {
            Completed = count,
            Total = milestones.Length,
            NextMilestone = m.Name,
            NextKey = m.Key,
            CompletedOn = completed ?? None,
            Reason = anchor is null
                ? new Reason(ReasonCode.MilestonesNone, Text: "not a customer yet: milestones start at the customer stage")
                : new Reason(ReasonCode.MilestonesProgress, anchor, count, milestones.Length, m.TargetDays, Text: m.Name),
        };
        if (anchor is not { } from || asOf.DayNumber - from.DayNumber <= m.TargetDays)
        {
            return outcome;
        }

        var since = from.AddDays(m.TargetDays + 1);
        return outcome with
        {
            Stalled = true,
            StalledSince = since,
            Reason = new Reason(ReasonCode.MilestoneStalled, from, count, milestones.Length, m.TargetDays, since, m.Name),
        };
    }
}
