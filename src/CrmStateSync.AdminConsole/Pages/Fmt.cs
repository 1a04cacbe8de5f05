using System.Globalization;

namespace CrmStateSync.AdminConsole.Pages;

/// <summary>How the pages write instants, durations and outcomes (UTC, to the second, invariant culture).</summary>
public static class Fmt
{
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A stored ISO instant as the pages write it; the text itself when it does not parse.</summary>
    public static string Instant(string? iso) =>
        iso is null ? "" : DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? Instant(at) : iso;

    public static string Took(string started, string? finished)
    {
        if (finished is null
            || !DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from)
            || !DateTimeOffset.TryParse(finished, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var to))
        {
            return "";
        }

        var span = to - from;
        return span.TotalSeconds < 90 ? $"{span.TotalSeconds:0.0} s" : span.TotalMinutes < 90 ? $"{span.TotalMinutes:0} min" : $"{span.TotalHours:0.0} h";
    }

    /// <summary>The stylesheet class of a run's outcome.</summary>
    public static string OutcomeClass(string? outcome) => outcome switch
    {
        "ok" => "ok",
        "partial" or "stopped" => "warn",
        null => "running",
        _ => "bad",
    };
}
