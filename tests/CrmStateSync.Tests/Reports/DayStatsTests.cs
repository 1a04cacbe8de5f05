using CrmStateSync.Reports;

namespace CrmStateSync.Tests.Reports;

/// <summary>Percentiles interpolate linearly between the closest ranks (type 7): rank h = (n − 1)·p.</summary>
public class DayStatsTests
{
    [TestCase(new[] { 4, 1, 3, 2 }, 2.5, 3.25, TestName = "Of_EvenCount_MedianIsTheMeanOfTheMiddleTwo")]
    [TestCase(new[] { 30, 10, 20 }, 20.0, 25.0, TestName = "Of_OddCount_MedianIsTheMiddleValue")]
    [TestCase(new[] { 7 }, 7.0, 7.0, TestName = "Of_OneValue_EveryPercentileIsIt")]
    [TestCase(new[] { 4, 10, 20, 30 }, 15.0, 22.5, TestName = "Of_FourStays_P75InterpolatesAQuarterPastTheThird")]
    [TestCase(new[] { 5, 5, 5, 100 }, 5.0, 28.75, TestName = "Of_Outlier_MovesP75NotTheMedian")]
    public void Of_Values_MedianAndP75(int[] days, double median, double p75)
    {
        var stats = DayStats.Of(days);

        Assert.That(stats, Is.EqualTo(new DayStats(days.Length, median, p75)));
    }

    [Test]
    public void Of_NoValue_CountZeroAndNoPercentiles() =>
        Assert.That(DayStats.Of([]), Is.EqualTo(new DayStats(0, null, null)));

    [TestCase(0.0, 1.0)]
    [TestCase(1.0, 9.0)]
    [TestCase(0.9, 7.5)]
    public void Percentile_Bounds_MinMaxAndBetween(double p, double expected) =>
        Assert.That(DayStats.Percentile([1, 2, 4, 9], p), Is.EqualTo(expected).Within(1e-9));

    [Test]
    public void Percentile_OutOfRange_Throws() =>
        Assert.That(() => DayStats.Percentile([1], 1.5), Throws.TypeOf<ArgumentOutOfRangeException>());
}
