using CrmStateSync.Rules.Model;

namespace CrmStateSync.Store.Retention;

/// <summary>
/// The totals of an account's usage rows pruned out of the retention window: value actions, core events, each named
/// metric, the earliest date with an active user, the earliest date at all, and the newest pruned date.
/// </summary>
internal sealed record UsageCarry(
    DateOnly EarliestDate,
    DateOnly? FirstActiveOn,
    int ValueActions,
    int CoreEvents,
    IReadOnlyDictionary<string, double> Metrics,
    DateOnly PrunedThrough,
    int RowsPruned)
{
    /// <summary>This carry (or none) with more pruned rows folded in.</summary>
    public static UsageCarry Fold(UsageCarry? carry, IReadOnlyList<UsageRow> pruned)
    {
        var metrics = carry is null ? new Dictionary<string, double>() : new Dictionary<string, double>(carry.Metrics);
        var earliest = carry?.EarliestDate ?? DateOnly.MaxValue;
        var firstActive = carry?.FirstActiveOn;
        var through = carry?.PrunedThrough ?? DateOnly.MinValue;
        var (valueActions, coreEvents) = (carry?.ValueActions ?? 0, carry?.CoreEvents ?? 0);
        foreach (var row in pruned)
        {
            earliest = row.Date < earliest ? row.Date : earliest;
            through = row.Date > through ? row.Date : through;
            if (row.ActiveUsers >= 1 && !(firstActive <= row.Date))
            {
                firstActive = row.Date;
            }

            valueActions = checked(valueActions + row.ValueActions);
            coreEvents = checked(coreEvents + row.CoreEvents);
            foreach (var (name, value) in row.Metrics)
            {
                metrics[name] = metrics.GetValueOrDefault(name) + value;
            }
        }

        return new UsageCarry(earliest, firstActive, valueActions, coreEvents, metrics, through, (carry?.RowsPruned ?? 0) + pruned.Count);
    }

    /// <summary>
    /// The carry as one synthetic usage row, dated at the earliest pruned date with an active user (else the earliest
    /// pruned date), with one active user when there was one, so the rules' totals and first-active date are unchanged.
    /// </summary>
    public UsageRow ToUsageRow() => new()
    {
        Date = FirstActiveOn ?? EarliestDate,
        ActiveUsers = FirstActiveOn is null ? 0 : 1,
        ValueActions = ValueActions,
        CoreEvents = CoreEvents,
        Metrics = Metrics,
    };
}
