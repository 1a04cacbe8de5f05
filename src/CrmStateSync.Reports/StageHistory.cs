using CrmStateSync.Rules.Model;
using CrmStateSync.Store;

namespace CrmStateSync.Reports;

/// <summary>One stay of an account in a stage: entered on <see cref="From"/>, left on <see cref="To"/> (null: still there).</summary>
public sealed record Stay(string AccountId, string Stage, DateOnly From, DateOnly? To)
{
    /// <summary>Days in the stage: to the day it was left, or to <paramref name="asOf"/> while it is still open.</summary>
    public int Days(DateOnly asOf) => (To ?? asOf).DayNumber - From.DayNumber;
}

/// <summary>The days of every stay in one stage by the accounts of one segment: left (completed) and still open.</summary>
public sealed class StageDays
{
    public List<int> Completed { get; } = [];

    public List<int> Open { get; } = [];
}

/// <summary>How many transitions in a window were manual moves.</summary>
public readonly record struct ManualCount(int Manual, int Total);

/// <summary>
/// The transition history read as stays, as it stood on an as-of date (later transitions are ignored), kept as the
/// reports need it so that memory does not grow with the history: each account's open stay, the days of every stay per
/// (segment, stage), and the manual share of the transitions. A transition to a stage opens a stay; the account's next
/// transition closes it, whatever its source. The last transition's target is the account's stage on the as-of date; a
/// transition to no stage (a cleared stage) leaves it without one.
/// </summary>
public sealed class StageHistory
{
    private readonly Dictionary<string, Stay> _current;

    private StageHistory(Dictionary<string, Stay> current, Dictionary<(string Segment, string Stage), StageDays> days, ManualCount recent, ManualCount allTime) =>
        (_current, Days, Recent, AllTime) = (current, days, recent, allTime);

    /// <summary>The days of the stays, by the account's segment and the stage.</summary>
    public IReadOnlyDictionary<(string Segment, string Stage), StageDays> Days { get; }

    /// <summary>Manual moves among the transitions of the last <see cref="DistributionReport.RecentDays"/> days.</summary>
    public ManualCount Recent { get; }

    /// <summary>Manual moves among all transitions up to the as-of date.</summary>
    public ManualCount AllTime { get; }

    /// <summary>From a list of transitions in any order (tests, small stores); <paramref name="segmentOf"/> labels an account's segment.</summary>
    public static StageHistory Of(IEnumerable<TransitionRecord> transitions, DateOnly asOf, Func<string, string> segmentOf)
    {
        var builder = new Builder(asOf, segmentOf);
        foreach (var t in transitions.OrderBy(t => t.AccountId, StringComparer.Ordinal).ThenBy(t => t.On).ThenBy(t => t.Id))
        {
            builder.Add(t);
        }

        return builder.Build();
    }

    /// <summary>The account's open stay on the as-of date (its current stage and entry date), or null without a stage.</summary>
    public Stay? Current(string accountId) => _current.GetValueOrDefault(accountId);

    /// <summary>
    /// Reads the history one transition at a time, each account's transitions together and in (date, id) order — the
    /// order the store streams them in — holding only the account in progress.
    /// </summary>
    public sealed class Builder(DateOnly asOf, Func<string, string> segmentOf)
    {
        private readonly Dictionary<string, Stay> _current = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string), StageDays> _days = [];
        private (string AccountId, string Segment)? _account;
        private (string Stage, DateOnly From)? _open;
        private int _recentManual, _recent, _allManual, _all;

        public void Add(TransitionRecord transition)
        {
            ArgumentNullException.ThrowIfNull(transition);
            if (transition.On > asOf)
            {
                return;
            }

            if (_account?.AccountId != transition.AccountId)
            {
                EndAccount();
                _account = (transition.AccountId, segmentOf(transition.AccountId));
            }

            if (_open is { } open)
            {
                DaysOf(open.Stage).Completed.Add(transition.On.DayNumber - open.From.DayNumber);
            }

            _open = transition.To is { } stage ? (stage, transition.On) : null;
            var manual = transition.Source == StageSource.Manual ? 1 : 0;
            (_all, _allManual) = (_all + 1, _allManual + manual);
            if (transition.On.DayNumber > asOf.DayNumber - DistributionReport.RecentDays)
            {
                (_recent, _recentManual) = (_recent + 1, _recentManual + manual);
            }
        }

        public StageHistory Build()
        {
            EndAccount();
            return new StageHistory(_current, _days, new ManualCount(_recentManual, _recent), new ManualCount(_allManual, _all));
        }

        private void EndAccount()
        {
            if (_account is { } account && _open is { } open)
            {
                _current[account.AccountId] = new Stay(account.AccountId, open.Stage, open.From, null);
                DaysOf(open.Stage).Open.Add(asOf.DayNumber - open.From.DayNumber);
            }

            (_account, _open) = (null, null);
        }

        private StageDays DaysOf(string stage)
        {
            var key = (_account!.Value.Segment, stage);
            if (!_days.TryGetValue(key, out var days))
            {
                _days[key] = days = new StageDays();
            }

            return days;
        }
    }
}
