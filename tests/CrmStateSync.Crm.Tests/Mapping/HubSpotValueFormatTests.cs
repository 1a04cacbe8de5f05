using CrmStateSync.Crm.Mapping;

namespace CrmStateSync.Crm.Tests.Mapping;

public sealed class HubSpotValueFormatTests
{
    private static readonly HubSpotValueFormat Format = HubSpotValueFormat.Instance;

    // 2026-05-20T00:00:00Z = 20,593 days × 86,400,000 ms.
    private const string MidnightMs = "1779235200000";

    // 2026-05-20T20:49:32Z = midnight + 74,972 s.
    private const string EveningMs = "1779310172000";

    [TestCase("2026-05-20", TestName = "crm-apis.md: a HubSpot date property takes YYYY-MM-DD")]
    [TestCase(MidnightMs, TestName = "crm-apis.md: a HubSpot date property takes epoch milliseconds at midnight UTC")]
    [TestCase("2026-05-20T00:00:00Z", TestName = "A HubSpot date returned as an ISO instant at midnight UTC is that date")]
    public void TryParseDate_DocumentedShapes_Parsed(string text)
    {
        Assert.That(Format.TryParseDate(text, out var date), Is.True);
        Assert.That(date, Is.EqualTo(new DateOnly(2026, 5, 20)));
    }

    [TestCase(EveningMs, TestName = "crm-apis.md: epoch milliseconds not at midnight UTC are not a date (INVALID_DATE)")]
    [TestCase("1779235200001", TestName = "crm-apis.md: one millisecond past midnight UTC is not a date")]
    [TestCase("2026-05-20T20:49:32Z", TestName = "An ISO instant not at midnight UTC is not a date")]
    [TestCase("2026-13-01", TestName = "A month 13 is not a date")]
    [TestCase("soon", TestName = "Text is not a date")]
    [TestCase("05/20/2026", TestName = "A US-style date is not a HubSpot date (YYYY-MM-DD or epoch ms only)")]
    public void TryParseDate_NotMidnightOrNotADate_Rejected(string text) =>
        Assert.That(Format.TryParseDate(text, out _), Is.False);

    [TestCase(EveningMs, TestName = "crm-apis.md: a HubSpot datetime takes any epoch ms")]
    [TestCase("2026-05-20T20:49:32.000Z", TestName = "crm-apis.md: a HubSpot datetime takes ISO 8601")]
    [TestCase("2026-05-20T22:49:32+02:00", TestName = "crm-apis.md: a HubSpot datetime in ISO 8601 with an offset keeps the instant")]
    public void TryParseDateTime_EpochOrIso_Instant(string text)
    {
        Assert.That(Format.TryParseDateTime(text, out var instant), Is.True);
        Assert.That(instant, Is.EqualTo(new DateTimeOffset(2026, 5, 20, 20, 49, 32, TimeSpan.Zero)));
    }

    [Test]
    public void TryParseDateTime_Text_Rejected() =>
        Assert.That(Format.TryParseDateTime("yesterday", out _), Is.False);

    [Test]
    [NonInvariantCulture]
    public void FormatDate_AnyCulture_YyyyMmDd() =>
        Assert.That(Format.FormatDate(new DateOnly(2026, 5, 9)), Is.EqualTo("2026-05-09"));

    [TestCase("3", 3.0)]
    [TestCase("12.5", 12.5)]
    [NonInvariantCulture]
    public void TryParseNumber_StringValue_Parsed(string text, double expected)
    {
        Assert.That(Format.TryParseNumber(text, out var n), Is.True);
        Assert.That(n, Is.EqualTo(expected));
    }

    [TestCase("true", true)]
    [TestCase("false", false)]
    public void TryParseBool_StringValue_Parsed(string text, bool expected)
    {
        Assert.That(Format.TryParseBool(text, out var b), Is.True);
        Assert.That(b, Is.EqualTo(expected));
    }
}
