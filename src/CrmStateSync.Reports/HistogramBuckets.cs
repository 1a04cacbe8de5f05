namespace CrmStateSync.Reports;

/// <summary>
/// Equal-width buckets of days for the time-to-value histogram, so a bar's height compares with its neighbours'
/// (buckets of 0–7, 8–14, 15–30 … days would make the wide ones look busier). The width is the first of
/// <see cref="Widths"/> that covers every value in at most <see cref="MaxBuckets"/> buckets (a week, two, a month …),
/// else whatever width does; buckets run from day 0 to the one holding the largest value, empty ones included.
/// </summary>
public static class HistogramBuckets
{
    /// <summary>At most this many bars, so each keeps room for its label.</summary>
    public const int MaxBuckets = 10;

    /// <summary>Bucket widths in days, tried narrowest first.</summary>
    public static IReadOnlyList<int> Widths { get; } = [7, 14, 30, 60, 90, 180, 365];

    /// <summary>The buckets over <paramref name="days"/> (negative values count as 0); none without any value.</summary>
    public static IReadOnlyList<HistogramBucket> Of(IEnumerable<int> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var values = days.Select(d => Math.Max(0, d)).ToList();
        if (values.Count == 0)
        {
            return [];
        }

        var width = WidthFor(values.Max());
        var counts = new int[(values.Max() / width) + 1];
        foreach (var value in values)
        {
            counts[value / width]++;
        }

        return [.. counts.Select((n, i) => new HistogramBucket($"{i * width}–{((i + 1) * width) - 1}", i * width, ((i + 1) * width) - 1, n))];
    }

    /// <summary>The bucket width for values from 0 to <paramref name="maxDays"/>.</summary>
    public static int WidthFor(int maxDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDays);
        foreach (var width in Widths)
        {
            if ((maxDays / width) + 1 <= MaxBuckets)
            {
                return width;
            }
        }

        return (maxDays / MaxBuckets) + 1;
    }
}
