using System.Globalization;

namespace CrmStateSync.Crm.Salesforce.Reading;

/// <summary>
/// The SOQL of an incremental read: exactly the mapped fields plus the bookkeeping ones, from a change timestamp,
/// ordered by (<c>SystemModstamp</c>, <c>Id</c>) so a restart from the last yielded record is exact.
/// </summary>
internal static class Soql
{
    public const string Id = "Id";
    public const string IsDeleted = "IsDeleted";
    public const string LastModifiedById = "LastModifiedById";
    public const string SystemModstamp = "SystemModstamp";

    /// <summary>The fields to select: the mapped ones (and named metrics), then Id, the cursor field, IsDeleted, LastModifiedById.</summary>
    public static IReadOnlyList<string> Fields(IEnumerable<string> mapped, string cursorField)
    {
        var fields = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in mapped.Concat([Id, cursorField, IsDeleted, LastModifiedById]))
        {
            if (seen.Add(field))
            {
                fields.Add(field);
            }
        }

        return fields;
    }

    /// <summary><c>SELECT … FROM obj [WHERE cursorField &gt;= from] ORDER BY cursorField, Id</c>.</summary>
    public static string Select(IReadOnlyList<string> fields, string sobject, string cursorField, DateTimeOffset? from) =>
        $"{Unordered(fields, sobject, cursorField, from)} ORDER BY {cursorField}, {Id}";

    /// <summary>
    /// The same read without ORDER BY, for a Bulk API 2.0 query job: ordering disables the job's PK chunking, and the
    /// full read it serves does not depend on the order.
    /// </summary>
    public static string Unordered(IReadOnlyList<string> fields, string sobject, string cursorField, DateTimeOffset? from) =>
        $"SELECT {string.Join(", ", fields)} FROM {sobject}{Where(cursorField, from)}";

    /// <summary><c>SELECT COUNT() FROM obj [WHERE …]</c>: the same WHERE as the read; the answer's <c>totalSize</c> is the count.</summary>
    public static string Count(string sobject, string cursorField, DateTimeOffset? from) => $"SELECT COUNT() FROM {sobject}{Where(cursorField, from)}";

    private static string Where(string cursorField, DateTimeOffset? from) => from is { } at ? $" WHERE {cursorField} >= {Literal(at)}" : "";

    /// <summary>An unquoted UTC datetime literal, <c>2026-11-23T10:00:00Z</c>, rounded down to the second so <c>&gt;=</c> misses nothing.</summary>
    public static string Literal(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var second = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        return second.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
