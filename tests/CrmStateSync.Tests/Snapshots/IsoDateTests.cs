using System.Text;
using CrmStateSync.Snapshots;

namespace CrmStateSync.Tests.Snapshots;

/// <summary>The fast path for <c>"YYYY-MM-DD"</c>: a real date is read; anything else is left to the strict parser.</summary>
[TestFixture]
public class IsoDateTests
{
    [TestCase("\"2026-11-23\"", 2026, 11, 23)]
    [TestCase("\"2024-02-29\"", 2024, 2, 29, Description = "a leap day")]
    [TestCase("\"0001-01-01\"", 1, 1, 1)]
    public void TryParse_PlainDate_ReadsIt(string raw, int year, int month, int day)
    {
        var read = IsoDate.TryParse(Encoding.UTF8.GetBytes(raw), out var date);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read, Is.True);
            Assert.That(date, Is.EqualTo(new DateOnly(year, month, day)));
        }
    }

    [TestCase("\"2026-02-29\"", Description = "no leap day in 2026")]
    [TestCase("\"2026-13-01\"", Description = "month 13")]
    [TestCase("\"2026-00-10\"", Description = "month 0")]
    [TestCase("\"2026-11-31\"", Description = "November has 30 days")]
    [TestCase("\"0000-01-01\"", Description = "year 0")]
    [TestCase("\"2026/11/23\"", Description = "other separators")]
    [TestCase("\"2026-1-023\"", Description = "misplaced separator")]
    [TestCase("\"20x6-11-23\"", Description = "a letter")]
    [TestCase("\"2026-11-23T00:00:00\"", Description = "a timestamp")]
    [TestCase("\"\\u0032026-11-2\"", Description = "an escape: left to the strict parser")]
    [TestCase("20261123", Description = "a number")]
    public void TryParse_AnythingElse_LeavesItToTheStrictParser(string raw) =>
        Assert.That(IsoDate.TryParse(Encoding.UTF8.GetBytes(raw), out _), Is.False);
}
