namespace CrmStateSync.Snapshots;

/// <summary>
/// A window over a stream for incremental parsing: the bytes not yet consumed, refilled on demand. It grows only when
/// one value (an account, a line) does not fit, so memory follows the largest account, not the file.
/// </summary>
internal sealed class ByteWindow(Stream stream, int initialSize = ByteWindow.DefaultSize)
{
    /// <summary>Default size of the buffer: 1 MiB, some 150 typical accounts.</summary>
    public const int DefaultSize = 1 << 20;

    private byte[] _buffer = new byte[initialSize];
    private int _start;
    private int _end;
    private bool _bomChecked;

    /// <summary>True once the stream has no more bytes: what is in the window is all that is left.</summary>
    public bool IsFinal { get; private set; }

    /// <summary>The bytes not yet consumed.</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Bytes consumed before the window's start.</summary>
    public long Offset { get; private set; }

    /// <summary><paramref name="length"/> bytes from <paramref name="offset"/> into the window; valid until the next <see cref="Fill"/>.</summary>
    public ReadOnlyMemory<byte> Memory(int offset, int length) => _buffer.AsMemory(_start + offset, length);

    /// <summary>Marks <paramref name="count"/> bytes as consumed.</summary>
    public void Advance(int count)
    {
        _start += count;
        Offset += count;
    }

    /// <summary>Reads more of the stream into the window (keeping the unconsumed bytes); false when it has ended.</summary>
    public bool Fill()
    {
        if (IsFinal)
        {
            return false;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            (_end, _start) = (_end - _start, 0);
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        IsFinal = read == 0;
        SkipByteOrderMark();
        return true;
    }

    private void SkipByteOrderMark()
    {
        if (_bomChecked || (_end - _start < 3 && !IsFinal))
        {
            return;
        }

        _bomChecked = true;
        if (Span.StartsWith("\uFEFF"u8))
        {
            Advance(3);
        }
    }
}
