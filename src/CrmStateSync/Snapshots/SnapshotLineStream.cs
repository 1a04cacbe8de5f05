using System.Text.Json;

namespace CrmStateSync.Snapshots;

/// <summary>
/// Streams the accounts of JSON Lines (one account per line, blank lines skipped), one line at a time. A line that is
/// not JSON costs only itself: it is reported with the id found in its text (or <c>#index</c>) and its line number.
/// </summary>
internal sealed class SnapshotLineStream(Stream stream)
{
    private readonly ByteWindow _window = new(stream);
    private readonly AccountChecker _checker = new();

    /// <summary>The accounts and problems in file order.</summary>
    public IEnumerable<SnapshotRead> Read()
    {
        for (var i = 0; NextLine(out var line); i++)
        {
            var trimmed = Trim(line);
            if (trimmed.IsEmpty)
            {
                continue;
            }

            foreach (var item in Parse(trimmed, i))
            {
                yield return item;
            }
        }
    }

    private List<SnapshotRead> Parse(ReadOnlyMemory<byte> line, int index)
    {
        var path = $"line {index + 1}";
        try
        {
            using var doc = JsonDocument.Parse(line);
            return [.. _checker.Check(doc.RootElement, path, index)];
        }
        catch (JsonException ex)
        {
            var account = SnapshotFileReader.IdIn(line.Span) ?? $"#{index}";
            return [new SnapshotRead(null, new InputProblem(account, path, $"invalid JSON at byte {ex.BytePositionInLine + 1}: {ex.Message}"))];
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
