using System.Globalization;

namespace CrmStateSync.Crm.Mapping;

/// <summary>Salesforce: dates <c>YYYY-MM-DD</c>; datetimes <c>2026-05-20T20:49:32.000+0000</c> (no colon in the offset).</summary>
public sealed class SalesforceValueFormat : IValueFormat
{
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ss.fffzzzz", "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"];

    public static SalesforceValueFormat Instance { get; } = new();

    public bool TryParseDate(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public bool TryParseDateTime(string text, out DateTimeOffset instant)
    {
        // "+0000" has no colon; insert one so the offset parses exactly rather than by a lenient fallback.
        var normalized = text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && char.IsDigit(text[^1]) ? text[..^2] + ":" + text[^2..] : text;
        return DateTimeOffset.TryParseExact(normalized, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }

    public bool TryParseBool(string text, out bool value) => bool.TryParse(text, out value);

    public bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public string FormatDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool IsId(string text) => text.Length is 15 or 18 && text.All(char.IsAsciiLetterOrDigit);
}

/// <summary>HubSpot: every value is a string; dates <c>YYYY-MM-DD</c> or epoch ms at midnight UTC; datetimes ISO 8601 or epoch ms.</summary>
public sealed class HubSpotValueFormat : IValueFormat
{
    public static HubSpotValueFormat Instance { get; } = new();

    public bool TryParseDate(string text, out DateOnly value)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms % 86_400_000 == 0)
        {
            value = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime);
            return true;
        }

        // A date property is sometimes returned as an ISO instant at midnight UTC.
        if (text.Length > 10 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && instant.UtcDateTime.TimeOfDay == TimeSpan.Zero)
        {
            value = DateOnly.FromDateTime(instant.UtcDateTime);
            return true;
        }

        return false;
    }

    public bool TryParseDateTime(string text, out DateTimeOffset instant)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
        {
            instant = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
    }

    public bool TryParseBool(string text, out bool value) => bool.TryParse(text, out value);

    public bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public string FormatDate(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public bool IsId(string text) => text.Length is > 0 and <= 20 && text.All(char.IsAsciiDigit);
}
