using CrmStateSync.Crm.Mapping;

namespace CrmStateSync.Crm.Tests.Mapping;

public sealed class SalesforceValueFormatTests
{
    private static readonly SalesforceValueFormat Format = SalesforceValueFormat.Instance;

    [TestCase("2026-05-20T20:49:32.000+0000", 0, TestName = "crm-apis.md: a Salesforce datetime 2026-05-20T20:49:32.000+0000 (no colon in the offset) parses exactly")]
    [TestCase("2026-05-20T13:49:32.000-0700", -7, TestName = "crm-apis.md: a Salesforce datetime with a negative offset without colon keeps the instant")]
    [TestCase("2026-05-21T02:19:32.000+0530", 5.5, TestName = "crm-apis.md: a Salesforce datetime with a half-hour offset keeps the instant")]
    public void TryParseDateTime_SalesforceShape_ExactInstant(string text, double offsetHours)
    {
        Assert.That(Format.TryParseDateTime(text, out var instant), Is.True);
        Assert.That(instant, Is.EqualTo(new DateTimeOffset(2026, 5, 20, 20, 49, 32, TimeSpan.Zero)));
        Assert.That(instant.Offset, Is.EqualTo(TimeSpan.FromHours(offsetHours)));
    }

    [Test]
    [NonInvariantCulture]
    public void TryParseDateTime_Milliseconds_Kept()
    {
        Assert.That(Format.TryParseDateTime("2026-05-20T20:49:32.123+0000", out var instant), Is.True);
        Assert.That(instant, Is.EqualTo(new DateTimeOffset(2026, 5, 20, 20, 49, 32, 123, TimeSpan.Zero)));
    }

    [TestCase("2026-05-20")]
    [TestCase("20.05.2026 20:49:32")]
    [TestCase("May 20, 2026 8:49 PM")]
    [TestCase("2026-05-20T20:49:32.000+00")]
    [TestCase("not a datetime")]
    public void TryParseDateTime_OtherShapes_Rejected(string text) =>
        Assert.That(Format.TryParseDateTime(text, out _), Is.False);

    [Test(Description = "crm-apis.md: a date field is YYYY-MM-DD in and out")]
    public void TryParseDate_IsoDate_Parsed()
    {
        Assert.That(Format.TryParseDate("2026-05-09", out var date), Is.True);
        Assert.That(date, Is.EqualTo(new DateOnly(2026, 5, 9)));
    }

    [TestCase("2026-5-9")]
    [TestCase("05/09/2026")]
    [TestCase("2026-05-09T00:00:00.000+0000")]
    [TestCase("2026-02-30")]
    public void TryParseDate_NotYyyyMmDd_Rejected(string text) =>
        Assert.That(Format.TryParseDate(text, out _), Is.False);

    [Test]
    [NonInvariantCulture]
    public void FormatDate_AnyCulture_YyyyMmDd() =>
        Assert.That(Format.FormatDate(new DateOnly(2026, 5, 9)), Is.EqualTo("2026-05-09"));

    [Test]
    [NonInvariantCulture]
    public void TryParseNumber_InvariantDecimalPoint_Parsed()
    {
        Assert.That(Format.TryParseNumber("12.5", out var n), Is.True);
        Assert.That(n, Is.EqualTo(12.5));
    }

    [TestCase("true", true)]
    [TestCase("false", false)]
    public void TryParseBool_JsonBoolean_Parsed(string text, bool expected)
    {
        Assert.That(Format.TryParseBool(text, out var b), Is.True);
        Assert.That(b, Is.EqualTo(expected));
    }
}
