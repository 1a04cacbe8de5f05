using CrmStateSync.Sync.Ownership;

namespace CrmStateSync.Sync.Engine;

/// <summary>How a cycle behaves (<c>Sync</c> section).</summary>
public sealed class SyncOptions
{
    /// <summary>Accounts journaled and sent per write call to the connector (the connector splits to the CRM's limit). Default 200.</summary>
    public int WriteChunk { get; set; } = 200;

    /// <summary>Create CRM tasks for interventions (one open task per account and kind). Default true.</summary>
    public bool CreateTasks { get; set; } = true;

    /// <summary>Evaluate every account once per day, not only the changed ones (rules depend on the date). Default true.</summary>
    public bool DailyFullEvaluation { get; set; } = true;

    /// <summary>Ownership policy per field group.</summary>
    public OwnershipOptions Ownership { get; set; } = new();

    public IEnumerable<string> Validate(string prefix)
    {
        if (WriteChunk is < 1 or > 10_000)
        {
            yield return $"{prefix}:WriteChunk: must be between 1 and 10000 (was {WriteChunk})";
        }
    }
}
