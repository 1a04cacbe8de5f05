using CrmStateSync.Sync.Ownership;

namespace CrmStateSync.Sync.Engine;

/// <summary>How a cycle behaves (<c>Sync</c> section).</summary>
public sealed class SyncOptions
{
    /// <summary>
    /// Accounts journaled and sent per write call to the connector, and task creates per call (the connector splits both
    /// to the CRM's limit: Salesforce 200, HubSpot 100). Default 200.
    /// </summary>
    public int WriteChunk { get; set; } = 200;

    /// <summary>
    /// Accounts evaluated per chunk (<c>Sync:ChunkSize</c>); each chunk is settled — tasks, journaled and confirmed writes,
    /// changed marks cleared — before the next is evaluated, and a graceful stop ends the cycle between two chunks. A
    /// smaller chunk stops sooner and holds fewer outcomes; at least 1. Default 1,000.
    /// </summary>
    public int ChunkSize { get; set; } = 1_000;

    /// <summary>Create CRM tasks for interventions (one open task per account and kind). Default true.</summary>
    public bool CreateTasks { get; set; } = true;

    /// <summary>Evaluate every account once per day, not only the changed ones (rules depend on the date). Default true.</summary>
    public bool DailyFullEvaluation { get; set; } = true;

    /// <summary>
    /// How long after a pull first reached a cursor a late commit can still land before it (the CRM's longest
    /// transaction, with margin). A later pull at least this long after re-reads the connector's overlap once more; from
    /// then on the cursor is settled and the overlap is not read again, so a quiet org costs one read call per object.
    /// Default 5 minutes.
    /// </summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often a cycle reads every object in full instead of from its cursor and repairs the cache (sync.md "drift
    /// detection": formula and roll-up changes that do not move the change stamp, deletions a cursor missed).
    /// Zero turns it off. Default 7 days.
    /// </summary>
    public TimeSpan ReconcileEvery { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Ownership policy per field group.</summary>
    public OwnershipOptions Ownership { get; set; } = new();

    /// <summary>Every problem with these settings, each with its key under <paramref name="prefix"/> and its value.</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (WriteChunk is < 1 or > 10_000)
        {
            yield return $"{prefix}:WriteChunk: must be between 1 and 10000 (was {WriteChunk})";
        }

        if (ChunkSize < 1)
        {
            yield return $"{prefix}:ChunkSize: must be at least 1 (was {ChunkSize})";
        }

        if (ReconcileEvery < TimeSpan.Zero)
        {
            yield return $"{prefix}:ReconcileEvery: must not be negative (was {ReconcileEvery}; zero turns it off)";
        }

        if (SettleTime < TimeSpan.Zero || SettleTime > TimeSpan.FromDays(1))
        {
            yield return $"{prefix}:SettleTime: must be between 0 and 1 day (was {SettleTime})";
        }
    }
}
