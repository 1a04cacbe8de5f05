using System.Globalization;

namespace CrmStateSync.Store.Internal;

/// <summary>Dates as ISO text: calendar dates <c>yyyy-MM-dd</c>, instants in UTC with 7 fraction digits (both sort as text).</summary>
internal static class Iso
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string? Date(DateOnly? date) => date is { } d ? Date(d) : null;

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    public static DateOnly? ParseDateOrNull(string? text) => text is null ? null : ParseDate(text);

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static string? Instant(DateTimeOffset? at) => at is { } a ? Instant(a) : null;

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseInstantOrNull(string? text) => text is null ? null : ParseInstant(text);
}
