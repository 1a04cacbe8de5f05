using System.Text.Json;
using CrmStateSync.Rules.Model;
using CrmStateSync.Snapshots.Direct;

namespace CrmStateSync.Snapshots;

/// <summary>
/// Streams the accounts of JSON Lines (one account per line, blank lines skipped), one line at a time. A line that is
/// not JSON costs only itself: mapping reports it with the id found in its text (or <c>#index</c>) and its line number.
/// </summary>
internal sealed class SnapshotLineStream(Stream stream, bool direct = true)
{
    private readonly ByteWindow _window = new(stream);

    // A line takes none of a document's leniency: no comments, no trailing commas.
    private readonly DirectAccountMapper? _direct = direct ? new DirectAccountMapper(default) : null;

    /// <summary>Each non-blank line's bytes, trimmed, valid until the next item.</summary>
    public IEnumerable<RawItem> Read()
    {
        for (var i = 0; NextLine(out var line); i++)
        {
            var trimmed = Trim(line);
            if (trimmed.IsEmpty)
            {
                continue;
            }

            yield return new RawItem(trimmed, $"line {i + 1}", i, IsLine: true, Snapshot: Direct(trimmed));
        }
    }

    /// <summary>The line's account when the direct mapping takes it whole (one object, nothing after it), else null.</summary>
    private AccountSnapshot? Direct(ReadOnlyMemory<byte> line)
    {
        if (_direct is null)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(line.Span, isFinalBlock: true, default);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && _direct.TryMap(ref reader, line, out var snapshot) == DirectOutcome.Mapped && !reader.Read() ? snapshot : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null; // the strict path reports the line
        }
    }

    /// <summary>The next line without its newline (valid until the next call), or false at the end.</summary>
    private bool NextLine(out ReadOnlyMemory<byte> line)
    {
        while (true)
        {
            var newline = _window.Span.IndexOf((byte)'\n');
            if (newline >= 0 || (_window.IsFinal && !_window.Span.IsEmpty))
            {
                var length = newline >= 0 ? newline : _window.Span.Length;
                line = _window.Memory(0, length);
                _window.Advance(newline >= 0 ? length + 1 : length);
                return true;
            }

            if (!_window.Fill())
            {
                line = default;
                return false;
            }
        }
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> line)
    {
        var span = line.Span;
        var start = 0;
        var end = span.Length;
        while (start < end && IsSpace(span[start]))
        {
            start++;
        }

        while (end > start && IsSpace(span[end - 1]))
        {
            end--;
        }

        return line[start..end];
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or (byte)'\v';
}
