using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using CrmStateSync.Crm.Catalogue;

namespace CrmStateSync.Snapshots.Direct;

/// <summary>
/// The <see cref="FieldCatalogue"/>'s source over one object's <see cref="PropertyTable"/>: each value is converted
/// straight from its bytes. It takes only what <see cref="JsonFields"/> would take without a word: wherever that would
/// report a problem (a wrong type, a bad date, a negative count, an unknown picklist value) this one sets the
/// <see cref="MissFlag"/> instead, and the account is read again the strict way, which words it.
/// </summary>
internal readonly struct DirectFields(ReadOnlyMemory<byte> bytes, PropertyTable table, MissFlag miss, JsonReaderOptions options) : ICanonicalFieldSource
{
    public string? Text(string key) => String(key);

    public string? Id(string key) => String(key);

    public string? Known(string key, string picklist) => String(key);

    public DateOnly? CalendarDate(string key)
    {
        if (!TryValue(key, out var e))
        {
            return null;
        }

        return e.Type == JsonTokenType.String && !e.Escaped && IsoDate.TryParseUnquoted(Bytes(e), out var date) ? date : Miss<DateOnly?>();
    }

    /// <summary>An absent date is a problem the strict path words (a usage row needs one).</summary>
    public DateOnly? RequiredDate(string key) => CalendarDate(key) ?? Miss<DateOnly?>();

    public bool? Bool(string key)
    {
        if (!TryValue(key, out var e))
        {
            return null;
        }

        return e.Type switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => Miss<bool?>(),
        };
    }

    public int Count(string key)
    {
        if (!TryValue(key, out var e))
        {
            return 0;
        }

        // As JsonElement.TryGetInt32: the whole number, nothing after it.
        var number = Bytes(e);
        return e.Type == JsonTokenType.Number && Utf8Parser.TryParse(number, out int n, out var used) && used == number.Length && n >= 0
            ? n : Miss<int>();
    }

    public T? Picklist<T>(string key, string picklist)
        where T : struct, Enum => Enum<T>(key);

    public IReadOnlyDictionary<string, double> Metrics(string key)
    {
        if (!TryValue(key, out var e))
        {
            return UsageRowDefaults.NoMetrics;
        }

        if (e.Type != JsonTokenType.StartObject)
        {
            return Miss<IReadOnlyDictionary<string, double>>();
        }

        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        var reader = Open(e);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var x) || x < 0)
            {
                return Miss<IReadOnlyDictionary<string, double>>();
            }

            result[name] = x;
        }

        return result;
    }

    /// <summary>A string; null when absent or null.</summary>
    public string? String(string key)
    {
        if (!TryValue(key, out var e))
        {
            return null;
        }

        if (e.Type != JsonTokenType.String)
        {
            return Miss<string?>();
        }

        if (e.Escaped)
        {
            // The reader unescapes; the quotes stand just outside the value's bytes.
            var quoted = new Utf8JsonReader(bytes.Span.Slice(e.ValueStart - 1, e.ValueLength + 2));
            quoted.Read();
            return quoted.GetString();
        }

        var utf8 = Bytes(e);
        return Utf8.IsValid(utf8) ? Encoding.UTF8.GetString(utf8) : Miss<string?>();
    }

    /// <summary>A non-blank string (a record's id); anything else is the strict path's problem.</summary>
    public string RequiredString(string key) => String(key) is { } s && !string.IsNullOrWhiteSpace(s) ? s : Miss<string>();

    public T? Enum<T>(string key)
        where T : struct, Enum
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        return EnumNames<T>.Names.Contains(text, StringComparer.OrdinalIgnoreCase) && System.Enum.TryParse<T>(text, true, out var value)
            ? value : Miss<T?>();
    }

    /// <summary>The object under <paramref name="key"/>: false when absent or null; a value of another type is a miss.</summary>
    public bool TryObject(string key, out PropertyEntry entry)
    {
        if (!TryValue(key, out entry))
        {
            return false;
        }

        return entry.Type == JsonTokenType.StartObject || Miss<bool>();
    }

    /// <summary>A reader over a container value's bytes (already checked as JSON), on its start token.</summary>
    public Utf8JsonReader Open(PropertyEntry container)
    {
        var reader = new Utf8JsonReader(bytes.Span.Slice(container.ValueStart, container.ValueLength), isFinalBlock: true, new JsonReaderState(options));
        reader.Read();
        return reader;
    }

    public T Miss<T>()
    {
        miss.Set = true;
        return default!;
    }

    private bool TryValue(string key, out PropertyEntry entry) =>
        table.TryFind(bytes.Span, key, out entry) && entry.Type != JsonTokenType.Null;

    private ReadOnlySpan<byte> Bytes(PropertyEntry e) => bytes.Span.Slice(e.ValueStart, e.ValueLength);
}

/// <summary>Set when an account holds something only the strict path may take (and word).</summary>
internal sealed class MissFlag
{
    public bool Set { get; set; }
}
