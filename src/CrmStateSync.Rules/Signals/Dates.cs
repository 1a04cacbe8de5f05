namespace CrmStateSync.Rules.Signals;

/// <summary>Calendar arithmetic shared by the rules.</summary>
internal static class Dates
{
    /// <summary>The fact if it is dated on or before as-of; facts from the future are ignored.</summary>
    public static DateOnly? Known(DateOnly? date, DateOnly asOf) => date <= asOf ? date : null;

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>"Within N days": <c>asOf - date &lt;= N</c> (and not in the future).</summary>
    public static bool Within(DateOnly? date, DateOnly asOf, int days) =>
        date is { } d && d <= asOf && DaysBetween(d, asOf) <= days;

    /// <summary>"In the last N days": the inclusive window <c>[asOf-N+1, asOf]</c>.</summary>
    public static bool InLast(DateOnly? date, DateOnly asOf, int days) =>
        date is { } d && d <= asOf && DaysBetween(d, asOf) < days;

    public static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    public static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    /// <summary>ISO form for reasons: 2026-03-02.</summary>
    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd");

    public static string Iso(this DateOnly? date) => date is { } d ? d.Iso() : "never";
}
