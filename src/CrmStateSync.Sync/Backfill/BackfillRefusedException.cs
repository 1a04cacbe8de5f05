namespace CrmStateSync.Sync.Backfill;

/// <summary>
/// A backfill asked of a store that has already gone live through <c>sync</c> or <c>run</c>. The backfill is the go-live
/// migration: its replay would land beside the history those cycles recorded (same accounts, same days, other sources), and
/// the reports would count both. Refused before anything is read or written.
/// </summary>
public sealed class BackfillRefusedException(int syncCycles, DateTimeOffset? firstCycleAt)
    : InvalidOperationException(Describe(syncCycles, firstCycleAt))
{
    /// <summary>The sync cycles the store has recorded.</summary>
    public int SyncCycles { get; } = syncCycles;

    /// <summary>When the first of them started.</summary>
    public DateTimeOffset? FirstCycleAt { get; } = firstCycleAt;

    private static string Describe(int cycles, DateTimeOffset? first) =>
        $"backfill refused: it is the go-live migration and runs before the first sync, but this store already holds {cycles} sync cycle(s)" +
        (first is { } at ? $", the first started {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "") +
        "; a replay now would mix its history with the history those cycles recorded";
}
