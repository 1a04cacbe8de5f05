using System.Text;
using System.Text.Json;

namespace CrmStateSync.Snapshots.Direct;

/// <summary>
/// One JSON object's properties as read by a forward reader: where each name and value stands in the bytes, and the
/// value's token type. Reused from one object to the next (no allocation per object). A repeated name is refused
/// (<see cref="Add"/> is false): which of two values a reader takes is the strict path's business.
/// </summary>
internal sealed class PropertyTable
{
    private PropertyEntry[] _entries = new PropertyEntry[32];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>Adds a property; false when the object already has one of that name.</summary>
    public bool Add(ReadOnlySpan<byte> bytes, PropertyEntry entry)
    {
        var name = bytes.Slice(entry.NameStart, entry.NameLength);
        for (var i = 0; i < Count; i++)
        {
            ref readonly var other = ref _entries[i];
            if (other.NameLength == entry.NameLength && bytes.Slice(other.NameStart, other.NameLength).SequenceEqual(name))
            {
                return false;
            }
        }

        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Count * 2);
        }

        _entries[Count++] = entry;
        return true;
    }

    /// <summary>The property named <paramref name="key"/> (an ASCII name, as every canonical key is), or false.</summary>
    public bool TryFind(ReadOnlySpan<byte> bytes, string key, out PropertyEntry entry)
    {
        for (var i = 0; i < Count; i++)
        {
            ref readonly var candidate = ref _entries[i];
            if (candidate.NameLength == key.Length && Ascii.Equals(bytes.Slice(candidate.NameStart, candidate.NameLength), key))
            {
                entry = candidate;
                return true;
            }
        }

        entry = default;
        return false;
    }
}

/// <summary>Where a property stands in the bytes it was read from.</summary>
/// <param name="NameStart">The name's first byte (after its quote).</param>
/// <param name="NameLength">The name's length in bytes (a name with escapes is never added).</param>
/// <param name="Type">The value's token type: a scalar, or the start of an object or array.</param>
/// <param name="ValueStart">A string's first byte after its quote; any other value's first byte.</param>
/// <param name="ValueLength">A string's bytes without quotes; a number's or literal's bytes; a container's whole bytes.</param>
/// <param name="Escaped">True for a string holding escapes (to be unescaped before use).</param>
internal readonly record struct PropertyEntry(int NameStart, int NameLength, JsonTokenType Type, int ValueStart, int ValueLength, bool Escaped);
