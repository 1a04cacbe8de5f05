using System.Globalization;
using System.Text.Json;
using CrmStateSync.Sandbox.Data;

namespace CrmStateSync.Sandbox.HubSpot;

/// <summary>HubSpot renders every property value as a string: dates <c>YYYY-MM-DD</c>, datetimes ISO 8601 UTC.</summary>
internal static class HubSpotFormat
{
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly on => on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => Instant(at),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>The value of <paramref name="property"/> on <paramref name="record"/>, bookkeeping properties included.</summary>
    public static string? Property(SandboxRecord record, string property, string timestampProperty) => property switch
    {
        "hs_object_id" => record.Id,
        "hs_lastmodifieddate" or "lastmodifieddate" when property == timestampProperty => Instant(record.ModifiedAt),
        "hs_updated_by_user_id" => record.ModifiedBy,
        _ => Text(record[property]),
    };

    public static void WriteObject(Utf8JsonWriter writer, SandboxRecord record, IEnumerable<string> properties, string timestampProperty)
    {
        writer.WriteStartObject();
        writer.WriteString("id", record.Id);
        writer.WriteStartObject("properties");
        foreach (var property in properties)
        {
            writer.WriteString(property, Property(record, property, timestampProperty));
        }

        writer.WriteEndObject();
        writer.WriteString("createdAt", Instant(record.ModifiedAt));
        writer.WriteString("updatedAt", Instant(record.ModifiedAt));
        writer.WriteBoolean("archived", record.Deleted);
        if (record.Deleted)
        {
            writer.WriteString("archivedAt", Instant(record.ModifiedAt));
        }

        writer.WriteEndObject();
    }

    /// <summary>A filter value (epoch ms or ISO) as an instant, or null.</summary>
    public static DateTimeOffset? ParseInstant(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
