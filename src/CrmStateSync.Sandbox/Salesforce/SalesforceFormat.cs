using System.Globalization;
using System.Text.Json;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>How the org renders stored values: JSON types, dates <c>YYYY-MM-DD</c>, datetimes with a <c>+0000</c> offset.</summary>
internal static class SalesforceFormat
{
    public static string DateTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly on) => on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case double d: writer.WriteNumberValue(d); break;
            case int i: writer.WriteNumberValue(i); break;
            case DateOnly on: writer.WriteStringValue(Date(on)); break;
            case DateTimeOffset at: writer.WriteStringValue(DateTime(at)); break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>A value as a Bulk API 2.0 CSV result holds it (null stays null: an empty field).</summary>
    public static string? CsvValue(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        DateOnly on => Date(on),
        DateTimeOffset at => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A JSON value of a request as a stored value; dates stay text unless the field is a date.</summary>
    public static object? Read(JsonElement value, bool isDate) => value.ValueKind switch
    {
        JsonValueKind.String when isDate && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) => on,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.GetDouble(),
        _ => null,
    };
}
