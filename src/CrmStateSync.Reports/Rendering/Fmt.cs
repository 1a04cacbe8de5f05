using System.Globalization;

namespace CrmStateSync.Reports.Rendering;

/// <summary>Numbers and dates as every format prints them: invariant, ISO dates, one decimal, "–" for none in text.</summary>
internal static class Fmt
{
    public const string None = "–";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day is { } d ? Day(d) : "";

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(int? value) => value is { } v ? Number(v) : "";

    public static string Percent(double? share) => RedFlags.Percent(share);

    /// <summary>A share as a fraction with four decimals (CSV: exact enough to recompute, no percent sign to strip).</summary>
    public static string Fraction(double? share) => share is { } s ? s.ToString("0.####", CultureInfo.InvariantCulture) : "";

    /// <summary>For text tables: the value, or "–" when there is none.</summary>
    public static string OrNone(string text) => text.Length == 0 ? None : text;

    public static string Header(ReportSet set, string title) => $"{title} — org {set.OrgId} ({set.Provider}), as of {Day(set.AsOf)}";
}
