using CrmStateSync.Store;

namespace CrmStateSync.Reports;

/// <summary>One stay of an account in a stage: entered on <see cref="From"/>, left on <see cref="To"/> (null: still there).</summary>
public sealed record Stay(string AccountId, string Stage, DateOnly From, DateOnly? To)
{
    /// <summary>Days in the stage: to the day it was left, or to <paramref name="asOf"/> while it is still open.</summary>
    public int Days(DateOnly asOf) => (To ?? asOf).DayNumber - From.DayNumber;
}

/// <summary>
/// The transition history read as stays, as it stood on an as-of date (later transitions are ignored). A transition
/// to a stage opens a stay; the account's next transition closes it, whatever its source. The last transition's target
/// is the account's stage on the as-of date; a transition to no stage (a cleared stage) leaves it without one.
/// </summary>
public sealed class StageHistory
{
    private readonly Dictionary<string, List<Stay>> _byAccount;

    private StageHistory(Dictionary<string, List<Stay>> byAccount, IReadOnlyList<TransitionRecord> transitions) =>
        (_byAccount, Transitions) = (byAccount, transitions);

    /// <summary>The transitions on or before the as-of date, oldest first.</summary>
    public IReadOnlyList<TransitionRecord> Transitions { get; }

    /// <summary>Every stay of every account.</summary>
    public IEnumerable<Stay> Stays => _byAccount.Values.SelectMany(s => s);

    public static StageHistory Of(IEnumerable<TransitionRecord> transitions, DateOnly asOf)
    {
        var known = transitions.Where(t => t.On <= asOf).OrderBy(t => t.On).ThenBy(t => t.Id).ToList();
        var byAccount = new Dictionary<string, List<Stay>>(StringComparer.Ordinal);
        foreach (var account in known.GroupBy(t => t.AccountId, StringComparer.Ordinal))
        {
            byAccount[account.Key] = StaysOf(account.ToList());
        }

        return new StageHistory(byAccount, known);
    }

    /// <summary>The account's open stay on the as-of date (its current stage and entry date), or null without a stage.</summary>
    public Stay? Current(string accountId) =>
        _byAccount.TryGetValue(accountId, out var stays) && stays.Count > 0 && stays[^1].To is null ? stays[^1] : null;

    private static List<Stay> StaysOf(List<TransitionRecord> ordered)
    {
        var stays = new List<Stay>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].To is { } stage)
            {
                stays.Add(new Stay(ordered[i].AccountId, stage, ordered[i].On, i + 1 < ordered.Count ? ordered[i + 1].On : null));
            }
        }

        return stays;
    }
}
