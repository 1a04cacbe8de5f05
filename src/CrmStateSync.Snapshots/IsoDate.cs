using System.Collections.Concurrent;
using System.Text;

namespace CrmStateSync.Snapshots;

/// <summary>
/// The fast path for the commonest value of an input: a JSON string <c>"YYYY-MM-DD"</c> read straight from its UTF-8
/// bytes. Anything else (escapes, a bad day) is left to the strict parser, which also words the problem.
/// </summary>
internal static class IsoDate
{
    /// <param name="raw">The raw JSON value, quotes included.</param>
    /// <param name="date">The date when <paramref name="raw"/> is a plain, valid <c>"YYYY-MM-DD"</c>.</param>
    public static bool TryParse(ReadOnlySpan<byte> raw, out DateOnly date)
    {
        date = default;
        return raw.Length == 12 && raw[0] == '"' && raw[11] == '"' && TryParseUnquoted(raw[1..11], out date);
    }

    /// <param name="text">A JSON string's bytes without its quotes (and with no escapes).</param>
    /// <param name="date">The date when <paramref name="text"/> is a valid <c>YYYY-MM-DD</c>.</param>
    public static bool TryParseUnquoted(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        var year = Digits(text[..4]);
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Digits(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = (value * 10) + (b - '0');
        }

        return value;
    }
}

/// <summary>
/// Property names as UTF-8, encoded once: a lookup by string would encode the name on every call. The first 1,024
/// names are kept (the mapper's own, and keys such as stage names); more, from a file full of odd keys, are encoded
/// each time rather than kept.
/// </summary>
internal static class Utf8Names
{
    private const int MaxKept = 1024;
    private static readonly ConcurrentDictionary<string, byte[]> Names = new(StringComparer.Ordinal);

    public static ReadOnlySpan<byte> Of(string name)
    {
        if (Names.TryGetValue(name, out var utf8))
        {
            return utf8;
        }

        utf8 = Encoding.UTF8.GetBytes(name);
        if (Names.Count < MaxKept)
        {
            Names.TryAdd(name, utf8);
        }

        return utf8;
    }
}
