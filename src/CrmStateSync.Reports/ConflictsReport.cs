using CrmStateSync.Store;
using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Reports;

/// <summary>
/// The conflict log as leadership reads it: how many human edits of managed fields the worker logged up to the as-of
/// date and what it did, the ones still open for an admin by field and by rule, and the most recent ones. The counts
/// are those of <c>conflicts list</c> (and <c>conflicts list --open</c>) when the as-of date is today.
/// </summary>
/// <param name="AsOf">The date the report describes.</param>
/// <param name="Logged">Conflicts detected on or before the as-of date.</param>
/// <param name="Open">Of those, the ones left for an admin and not resolved yet.</param>
/// <param name="ByAction">Logged conflicts per action (Reverted, Accepted, Open), each action present.</param>
/// <param name="OpenByField">Open conflicts per managed field, most first.</param>
/// <param name="OpenByRule">Open conflicts per rule that logged them (<see cref="NoRule"/> when none), most first.</param>
/// <param name="Recent">The latest <see cref="DefaultLimit"/> logged conflicts, newest first.</param>
public sealed record ConflictsReport(
    DateOnly AsOf,
    int Logged,
    int Open,
    IReadOnlyList<ConflictCount> ByAction,
    IReadOnlyList<ConflictCount> OpenByField,
    IReadOnlyList<ConflictCount> OpenByRule,
    IReadOnlyList<ConflictRow> Recent)
{
    public const int DefaultLimit = 10;

    /// <summary>The rule label of conflicts logged without one.</summary>
    public const string NoRule = "(no rule)";

    public static ConflictsReport Compute(ReportInput input, int limit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(input);
        var logged = input.Conflicts.Where(c => c.DetectedOn <= input.AsOf).ToList();
        var open = logged.Where(c => c.IsOpen).ToList();
        return new ConflictsReport(
            input.AsOf,
            logged.Count,
            open.Count,
            [.. Enum.GetValues<ConflictAction>().Select(a => new ConflictCount(a.ToString(), logged.Count(c => c.Action == a)))],
            Counts(open.Select(c => c.Field)),
            Counts(open.Select(c => c.Rule ?? NoRule)),
            [.. logged.OrderByDescending(c => c.Id).Take(limit).Select(c => ConflictRow.Of(c, input.NameOf(c.AccountId)))]);
    }

    private static List<ConflictCount> Counts(IEnumerable<string> keys) =>
        [.. keys.GroupBy(k => k, StringComparer.Ordinal).Select(g => new ConflictCount(g.Key, g.Count())).OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal)];
}

/// <summary>How many conflicts share a key (an action, a field, a rule).</summary>
public sealed record ConflictCount(string Key, int Count);

/// <summary>One logged conflict as the report lists it; <see cref="Name"/> is the cached account's name, if any.</summary>
public sealed record ConflictRow(long Id, DateOnly DetectedOn, string AccountId, string? Name, string Field, string? CrmValue, string? EngineValue, string Action, string? Rule, bool Open, DateOnly? ResolvedOn)
{
    public static ConflictRow Of(ConflictEntry c, string? name)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.DetectedOn, c.AccountId, name, c.Field, c.CrmValue, c.EngineValue, c.Action.ToString(), c.Rule, c.IsOpen, c.ResolvedOn);
    }
}
