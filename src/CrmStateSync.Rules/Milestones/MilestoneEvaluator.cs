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

    /// <param name="milestones">The segment's ordered list.</param>
    /// <param name="previous">The record's values (completions stay complete).</param>
    /// <param name="signals">The full signals at as-of.</param>
    /// <param name="customerEntry">New Customer entry: the first milestone's anchor; none complete before it.</param>
    /// <param name="churnedOn">Set while the account is churned: no milestone completes on or after it, none stalls.</param>
    public static MilestoneOutcome Evaluate(CompiledMilestone[] milestones, ManagedValues previous, Signals.Signals signals, DateOnly? customerEntry, DateOnly? churnedOn = null)
    {
        if (milestones.Length == 0)
        {
            return new MilestoneOutcome { CompletedOn = None, Reason = new Reason(ReasonCode.MilestonesNone) };
        }


        var asOf = signals.AsOf;
        Dictionary<string, DateOnly>? added = null;
        var previousComplete = true;
        var next = -1;
        var count = 0;
        for (var i = 0; i < milestones.Length; i++)
        {
            var m = milestones[i];
            var recorded = previous.Milestones.TryGetValue(m.Key, out var r) && r <= asOf;
            var on = recorded ? r : previousComplete && customerEntry is not null && churnedOn is null && m.Condition(signals) ? asOf : (DateOnly?)null;
            if (on is not null && !recorded)
            {
                (added ??= new Dictionary<string, DateOnly>(StringComparer.Ordinal))[m.Key] = asOf;
            }

            count += on is null ? 0 : 1;
            next = on is null && next < 0 ? i : next;
            previousComplete = on is not null;
        }

        var completed = Merge(previous.Milestones, added, milestones, asOf);
        if (next < 0)
        {
            return new MilestoneOutcome { Completed = count, Total = milestones.Length, CompletedOn = completed, Reason = new Reason(ReasonCode.MilestonesAllComplete, B: milestones.Length) };
        }

        return churnedOn is { } churned
            ? Churned(milestones, next, count, completed, churned)
            : Pending(milestones, next, count, completed, customerEntry, asOf);
    }

    /// <summary>A churned account's milestones stop: nothing completes on or after the churn date and nothing stalls.</summary>
    private static MilestoneOutcome Churned(CompiledMilestone[] milestones, int next, int count, IReadOnlyDictionary<string, DateOnly> completed, DateOnly churnedOn) => new()
    {
        Completed = count,
        Total = milestones.Length,
        NextMilestone = milestones[next].Name,
        NextKey = milestones[next].Key,
        CompletedOn = completed,
        Reason = new Reason(ReasonCode.MilestonesChurned, churnedOn, count, milestones.Length, Text: milestones[next].Name),
    };

    /// <summary>The record's completions (kept as they are when nothing was added) plus this evaluation's.</summary>
    private static IReadOnlyDictionary<string, DateOnly> Merge(IReadOnlyDictionary<string, DateOnly> recorded, Dictionary<string, DateOnly>? added, CompiledMilestone[] milestones, DateOnly asOf)
    {
        if (added is null && AllConfiguredAndKnown(recorded, milestones, asOf))
        {
            return recorded;
        }

        var merged = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var m in milestones)
        {
            if (recorded.TryGetValue(m.Key, out var d) && d <= asOf)
            {
                merged[m.Key] = d;
            }
        }

        foreach (var (key, date) in added ?? [])
        {
            merged[key] = date;
        }

        return merged;
    }

    /// <summary>True when every recorded completion is a configured milestone dated on or before as-of.</summary>
    private static bool AllConfiguredAndKnown(IReadOnlyDictionary<string, DateOnly> recorded, CompiledMilestone[] milestones, DateOnly asOf)
    {
        var matched = 0;
        foreach (var m in milestones)
        {
            if (recorded.TryGetValue(m.Key, out var d))
            {
                if (d > asOf)
                {
                    return false;
                }

                matched++;
            }
        }

        return matched == recorded.Count;
    }

    private static MilestoneOutcome Pending(CompiledMilestone[] milestones, int next, int count, IReadOnlyDictionary<string, DateOnly> completed, DateOnly? customerEntry, DateOnly asOf)
    {
        var m = milestones[next];
        DateOnly? anchor = next == 0 ? customerEntry : completed[milestones[next - 1].Key];
        var outcome = new MilestoneOutcome
        {
            Completed = count,
            Total = milestones.Length,
            NextMilestone = m.Name,
            NextKey = m.Key,
            CompletedOn = completed,
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
