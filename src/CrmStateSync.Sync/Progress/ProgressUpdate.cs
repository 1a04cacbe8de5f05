namespace CrmStateSync.Sync.Progress;

/// <summary>
/// How far a long operation has come, as the sync layer reports it through <see cref="IProgress{T}"/>: the executable
/// decides how to show it (a structured log event at a bounded rate, a live line on a terminal). The sync layer itself
/// never writes to a console.
/// </summary>
/// <param name="Operation"><c>sync</c>, <c>backfill</c> or <c>evaluate</c>.</param>
/// <param name="Phase">The step in progress, e.g. <c>read accounts</c>, <c>evaluate</c>, <c>write</c>, <c>tasks</c>, <c>replay</c>.</param>
/// <param name="Done">Units done in this phase so far (records read, accounts evaluated, writes sent, tasks created).</param>
/// <param name="Total">Units the phase will do when known; null when not (a read before the CRM tells its size).</param>
public readonly record struct ProgressUpdate(string Operation, string Phase, long Done, long? Total)
{
    /// <summary>For work over a file: the bytes read so far; null otherwise.</summary>
    public long? BytesRead { get; init; }

    /// <summary>For work over a file: its size in bytes; null otherwise.</summary>
    public long? BytesTotal { get; init; }

    /// <summary>The phase that opens an operation (a cycle, a backfill): what follows belongs to a new run of it.</summary>
    public const string StartedPhase = "started";

    /// <summary>The phase that closes an operation, however it ended (a live line is taken down).</summary>
    public const string FinishedPhase = "finished";

    public static ProgressUpdate Started(string operation) => new(operation, StartedPhase, 0, null);

    public static ProgressUpdate Finished(string operation) => new(operation, FinishedPhase, 0, null);

    /// <summary>This update opens or closes its operation rather than counting work.</summary>
    public bool IsBoundary => Phase is StartedPhase or FinishedPhase;
}

/// <summary>Reports nothing: the default when no one listens (tests, the library used alone).</summary>
public sealed class NoProgress : IProgress<ProgressUpdate>
{
    public static readonly NoProgress Instance = new();

    private NoProgress()
    {
    }

    public void Report(ProgressUpdate value)
    {
    }
}
