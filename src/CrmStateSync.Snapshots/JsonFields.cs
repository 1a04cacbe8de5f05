using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using CrmStateSync.Crm.Catalogue;

namespace CrmStateSync.Snapshots;

/// <summary>
/// Reads typed fields from one JSON object and records every problem with its path instead of throwing, so an
/// account's problems are all reported together. Absent and null both mean "not set". As the
/// <see cref="FieldCatalogue"/>'s source, ids and known values are plain strings and picklists are the enums' names.
/// A struct: one is made for every object of a file (90 usage rows an account), and the catalogue's generic readers
/// call a struct source directly.
/// </summary>
internal readonly struct JsonFields(JsonElement obj, string path, List<(string Path, string Message)> problems) : ICanonicalFieldSource
{
    public string Path { get; } = path;

    public bool Has(string name) => Value(name) is not null;

    public string? String(string name) => Get(name, JsonValueKind.String, "a string") is { } v ? Decoded(name, v) : null;

    public string? Text(string key) => String(key);

    public string? Id(string key) => String(key);

    public string? Known(string key, string picklist) => String(key);

    public DateOnly? CalendarDate(string key) => Date(key);

    /// <summary>The row is read on with <see cref="DateOnly.MinValue"/>, so all its problems are reported; the caller reports an absent date.</summary>
    public DateOnly? RequiredDate(string key) => Date(key) ?? DateOnly.MinValue;

    public T? Picklist<T>(string key, string picklist)
        where T : struct, Enum => Enum<T>(key);

    public IReadOnlyDictionary<string, double> Metrics(string key) =>
        Child(key, JsonValueKind.Object) is { } m ? ManagedMapper.Metrics(m, At(key), this) : UsageRowDefaults.NoMetrics;

    public bool? Bool(string name) =>
        Value(name) is { } v ? v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Problem<bool?>(name, v, "true or false"),
        } : null;

    public DateOnly? Date(string name)
    {
        if (Get(name, JsonValueKind.String, "a date (YYYY-MM-DD)") is not { } v)
        {
            return null;
        }

        if (IsoDate.TryParse(JsonMarshal.GetRawUtf8Value(v), out var fast))
        {
            return fast;
        }

        return DateOnly.TryParseExact(v.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : Problem<DateOnly?>(name, v, "a date (YYYY-MM-DD)");
    }

    /// <summary>A whole number ≥ 0 (counts).</summary>
    public int Count(string name)
    {
        if (Get(name, JsonValueKind.Number, "a whole number ≥ 0") is not { } v)
        {
            return 0;
        }

        return v.TryGetInt32(out var n) && n >= 0 ? n : Problem<int>(name, v, "a whole number ≥ 0");
    }

    public T? Enum<T>(string name)
        where T : struct, Enum
    {
        if (Get(name, JsonValueKind.String, EnumNames<T>.OneOf) is not { } v)
        {
            return null;
        }

        var text = v.GetString();
        return EnumNames<T>.Names.Contains(text, StringComparer.OrdinalIgnoreCase) && System.Enum.TryParse<T>(text, true, out var e)
            ? e : Problem<T?>(name, v, EnumNames<T>.OneOf);
    }

    /// <summary>An object or array child, or null when absent.</summary>
    public JsonElement? Child(string name, JsonValueKind kind) =>
        Get(name, kind, kind == JsonValueKind.Array ? "an array" : "an object");

    public string At(string name) => $"{Path}.{name}";

    public void Add(string atPath, string message) => problems.Add((atPath, message));

    private JsonElement? Value(string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(Utf8Names.Of(name), out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    private JsonElement? Get(string name, JsonValueKind kind, string expected)
    {
        if (Value(name) is not { } v)
        {
            return null;
        }

        return v.ValueKind == kind ? v : Problem<JsonElement?>(name, v, expected);
    }

    private T Problem<T>(string name, JsonElement value, string expected)
    {
        problems.Add(($"{Path}.{name}", $"{Describe(value)} is not {expected}"));
        return default!;
    }

    /// <summary>The string, or a problem for bytes that are not UTF-8 (a file in another encoding, a cut character).</summary>
    private string? Decoded(string name, JsonElement v)
    {
        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException)
        {
            problems.Add(($"{Path}.{name}", "is not valid UTF-8 text (is the file in another encoding?)"));
            return null;
        }
    }

    private static string Describe(JsonElement v) => v.ValueKind == JsonValueKind.String ? $"'{v.GetString()}'" : v.GetRawText();
}
