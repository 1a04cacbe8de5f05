namespace CrmStateSync.Reports;

/// <summary>
/// Count, median and 75th percentile of a list of day counts. Null percentiles when the list is empty.
/// Percentiles interpolate linearly between the closest ranks (Hyndman–Fan type 7, Excel's PERCENTILE.INC, numpy's
/// default): for sorted values x₀…xₙ₋₁ the p-th percentile sits at rank h = (n − 1)·p and is
/// x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). So the median of an even count is the mean of the middle two, as readers expect.
/// </summary>
public sealed record DayStats(int N, double? Median, double? P75)
{
    public static DayStats Empty { get; } = new(0, null, null);

    public static DayStats Of(IEnumerable<int> days)
    {
        var sorted = days.Order().ToArray();
        return sorted.Length == 0 ? Empty : new DayStats(sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.75));
    }

    /// <summary>The p-th percentile (0 ≤ p ≤ 1) of sorted, non-empty values, by linear interpolation.</summary>
    public static double Percentile(IReadOnlyList<int> sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        var h = (sorted.Count - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }
}
