using CrmStateSync.Reports;
using CrmStateSync.Reports.Rendering;

namespace CrmStateSync.Tests.Reports;

/// <summary>The chart rules without a browser: text room, label shortening, column layout, equal-width buckets.</summary>
public class ChartLayoutTests
{
    [TestCase("Onboarding", 10 * 0.4 * 12, TestName = "Width_NeverLessThanNarrowMarksAllowFor")]
    [TestCase("WWWW", 4 * 12.0, TestName = "Width_WideLettersAFullEm")]
    public void Width_IsAnUpperBound(string text, double atLeast) => Assert.That(ChartText.Width(text), Is.GreaterThanOrEqualTo(atLeast));

    [Test]
    public void Fit_ShortText_Unchanged() => Assert.That(ChartText.Fit("Adopting", 100), Is.EqualTo("Adopting"));

    [Test]
    public void Fit_LongText_ShortenedWithEllipsisWithinTheRoom()
    {
        var fitted = ChartText.Fit(new string('M', 50), 120);

        Assert.Multiple(() =>
        {
            Assert.That(fitted, Does.EndWith("…"));
            Assert.That(ChartText.Width(fitted), Is.LessThanOrEqualTo(120));
        });
    }

    [Test]
    public void BarLayout_LongStageName_ShortenedAndEveryColumnInsideTheWidth()
    {
        var longName = "Executive Business Review Preparation and Renewal Negotiation";
        var values = new[] { "median 123.5, p75 456.5 days (n 1234)", "no completed stays (3 open)" };

        var layout = BarLayout.For(["Onboarding", longName], values);

        Assert.Multiple(() =>
        {
            Assert.That(BarLayout.Label(longName), Does.EndWith("…"));
            Assert.That(layout.LabelEnd - ChartText.Width(BarLayout.Label(longName)), Is.GreaterThanOrEqualTo(BarLayout.Margin), "labels start inside the left edge");
            Assert.That(layout.ValueX + values.Max(v => ChartText.Width(v)), Is.LessThanOrEqualTo(layout.Width - BarLayout.Margin), "values end inside the right edge");
            Assert.That(layout.BarsX + layout.BarSpace, Is.LessThan(layout.ValueX));
        });
    }

    [Test]
    public void BarLayout_ShortLabels_NarrowLabelColumn() =>
        Assert.That(BarLayout.For(["New"], ["1 (100.0%)"]).LabelEnd, Is.LessThan(40));

    [TestCase(0, 7, TestName = "WidthFor_AFewDays_AWeek")]
    [TestCase(69, 7, TestName = "WidthFor_UpTo69Days_AWeekFitsTenBuckets")]
    [TestCase(70, 14, TestName = "WidthFor_70Days_TwoWeeks")]
    [TestCase(299, 30, TestName = "WidthFor_UpTo299Days_AMonth")]
    [TestCase(5000, 501, TestName = "WidthFor_BeyondTheList_TenBucketsOfWhateverWidth")]
    public void WidthFor_FirstWidthCoveringEveryValueInTenBuckets(int maxDays, int width) =>
        Assert.That(HistogramBuckets.WidthFor(maxDays), Is.EqualTo(width));

    [Test]
    public void Of_Days_EqualWidthBucketsFromZeroWithEmptyOnesKept()
    {
        var buckets = HistogramBuckets.Of([40, 80, -3, 0]);

        Assert.Multiple(() =>
        {
            Assert.That(buckets.Select(b => b.ToDays - b.FromDays), Is.All.EqualTo(13));
            Assert.That(buckets.Select(b => b.Label), Is.EqualTo(new[] { "0–13", "14–27", "28–41", "42–55", "56–69", "70–83" }));
            Assert.That(buckets.Select(b => b.Accounts), Is.EqualTo(new[] { 2, 0, 1, 0, 0, 1 }));
        });
    }

    [Test]
    public void Of_NoValue_NoBucket() => Assert.That(HistogramBuckets.Of([]), Is.Empty);

    [Test]
    public void StayText_NoCompletedStay_SaysSoNotAMedian() =>
        Assert.That(SvgCharts.StayText(new StageVelocity("(all)", "Onboarding", DayStats.Empty, 2, 5)), Is.EqualTo("no completed stays (2 open)"));

    [Test]
    public void Column_WideEnoughForTheWidestLabel()
    {
        var buckets = HistogramBuckets.Of([4000]);

        Assert.That(SvgHistogram.Column(buckets), Is.GreaterThan(buckets.Max(b => ChartText.Width(b.Label))));
    }
}
