namespace CrmStateSync.Snapshots;

/// <summary>An open input file whose accounts are read one at a time (<see cref="SnapshotFileReader.Open"/>).</summary>
public sealed class SnapshotSource : IDisposable
{
    private readonly FileStream _file;
    private readonly SnapshotDocumentStream? _document;
    private readonly SnapshotLineStream? _lines;

    /// <param name="path">The input file.</param>
    /// <param name="needAsOf">Find the document's <c>asOf</c> before the first account, wherever it stands.</param>
    /// <param name="direct">Map plain accounts in the reader's own pass (the default); false maps every account
    /// through <see cref="System.Text.Json.JsonDocument"/>, the strict path the direct one must agree with.</param>
    internal SnapshotSource(string path, bool needAsOf, bool direct = true)
    {
        _file = OpenRead(path);
        if (SnapshotFileReader.IsJsonLines(path))
        {
            _lines = new SnapshotLineStream(_file, direct);
        }
        else
        {
            _document = new SnapshotDocumentStream(_file, needAsOf ? () => ScanAsOf(path) : null, direct);
        }
    }

    /// <summary>Bytes of the file read so far (buffered reads run a little ahead of the account being parsed).</summary>
    public long BytesRead => _file.Position;

    /// <summary>The file's size in bytes.</summary>
    public long Length => _file.Length;

    /// <summary>The file's <c>asOf</c> as far as read (JSON Lines have none).</summary>
    public DateOnly? AsOf => _document?.AsOf;

    /// <summary>
    /// The accounts and problems in file order; read once. Each account is parsed and mapped as soon as it is found,
    /// on the caller's thread: mapping batches in parallel gave the same output but cost a third more CPU, and on this
    /// shared two-core machine more wall time too (docs/benchmarks.md, "evaluate streams").
    /// </summary>
    public IEnumerable<SnapshotRead> Read()
    {
        var checker = new AccountChecker();
        return (_document?.Read() ?? _lines!.Read()).Select(Counted).Select(AccountChecker.Map).SelectMany(checker.Check);
    }

    /// <summary>Accounts mapped in the reader's own pass so far (the rest went through the strict path).</summary>
    internal int DirectlyMapped { get; private set; }

    public void Dispose() => _file.Dispose();

    private RawItem Counted(RawItem raw)
    {
        DirectlyMapped += raw.Snapshot is null ? 0 : 1;
        return raw;
    }

    private static DateOnly? ScanAsOf(string path)
    {
        using var file = OpenRead(path);
        return new SnapshotDocumentStream(file, null).ScanAsOf();
    }

    // The window reads a megabyte at a time, so the FileStream's own buffer would only copy.
    private static FileStream OpenRead(string path) => new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
}
