using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;

namespace CrmStateSync.Sync.Backfill;

/// <summary>
/// The go-live replay of one account, pure (rules.md §8: "a backfill replays day by day, so it is the historical date
/// there"): from max(first won close date, <c>--from</c>) to the as-of date, one <see cref="EvaluationMode.Backfill"/>
/// evaluation a day, each day's result carried into the next with <see cref="EvaluationResult.Apply"/>.
/// </summary>
/// <remarks>
/// The first day is a go-live evaluation: no last-written stage (so the CRM's old stage is recorded "replaced at
/// go-live") and no previous managed values but that stage — entry dates, states and milestones are derived afresh from
/// the evidence, not carried from values the CRM held at go-live, which may postdate the replayed day.
/// </remarks>
public sealed class BackfillReplayer(RulesEngine rules)
{
    public BackfillReplay Replay(AccountSnapshot snapshot, DateOnly asOf, DateOnly? from = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var current = AtGoLive(snapshot);
        if (FirstWonOn(snapshot) is not { } firstWon)
        {
            var only = rules.Evaluate(current, asOf, EvaluationMode.Backfill);
            return new BackfillReplay(only, only.Stage.Transitions, null, 0);
        }

        var start = from is { } f && f > firstWon ? f : firstWon;
        start = start > asOf ? asOf : start;
        var transitions = new List<Transition>();
        var usage = ByDate(snapshot.Usage);
        var seen = 0;
        EvaluationResult result;
        var day = start;
        while (true)
        {
            // The rules ignore usage dated after the as-of date, so each day reads only the rows up to it (same answer, less work).
            while (seen < usage.Length && usage[seen].Date <= day)
            {
                seen++;
            }

            current = current with { Usage = new ArraySegment<UsageRow>(usage, 0, seen) };
            result = rules.Evaluate(current, day, EvaluationMode.Backfill);
            transitions.AddRange(result.Stage.Transitions);
            if (day >= asOf)
            {
                break;
            }

            current = result.Apply(current);
            day = day.AddDays(1);
        }

        return new BackfillReplay(result, transitions, start, asOf.DayNumber - start.DayNumber + 1);
    }

    private static UsageRow[] ByDate(IReadOnlyList<UsageRow> usage)
    {
        var rows = usage.ToArray();
        var dates = Array.ConvertAll(rows, r => r.Date);
        Array.Sort(dates, rows);
        return rows;
    }

    /// <summary>The earliest close date of a won opportunity, or null when there is none.</summary>
    public static DateOnly? FirstWonOn(AccountSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        DateOnly? first = null;
        foreach (var o in snapshot.Opportunities)
        {
            if (o is { IsWon: true, CloseDate: { } closed } && (first is null || closed < first))
            {
                first = closed;
            }
        }

        return first;
    }

    private static AccountSnapshot AtGoLive(AccountSnapshot snapshot) => snapshot with
    {
        LastWritten = null,
        Managed = ManagedValues.Empty with { Stage = snapshot.Managed.Stage, StageChangedOn = snapshot.Managed.StageChangedOn },
    };
}
