using CrmStateSync.Rules.Model;

namespace CrmStateSync.Store.Retention;

/// <summary>
/// Which of an account's usage rows to fold into its carry: those dated more than the retention window before the
/// account's newest usage date, except the newest row with any activity, which stays so the last-usage date is exact.
/// </summary>
internal static class RetentionPlan
{
    /// <param name="rows">All of the account's cached usage rows, with their ids.</param>
    /// <param name="retentionDays">The window in days.</param>
    public static List<(string Id, UsageRow Row)> RowsToPrune(IReadOnlyList<(string Id, UsageRow Row)> rows, int retentionDays)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var newest = rows.Max(r => r.Row.Date);
        var cutoff = newest.AddDays(-retentionDays);
        string? keep = null;
        var keepDate = DateOnly.MinValue;
        foreach (var (id, row) in rows)
        {
            if ((row.ActiveUsers >= 1 || row.ValueActions > 0 || row.CoreEvents > 0) && (keep is null || row.Date > keepDate))
            {
                (keep, keepDate) = (id, row.Date);
            }
        }

        return rows.Where(r => r.Row.Date < cutoff && r.Id != keep).ToList();
    }
}
