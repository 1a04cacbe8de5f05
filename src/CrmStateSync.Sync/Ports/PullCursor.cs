using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Sync.Ports;

/// <summary>
/// An object's read cursor as the engine keeps it: where the next read resumes, and when (on the worker's own clock)
/// a pull first reached that position — how the engine knows the window before it has settled.
/// </summary>
/// <param name="Read">The cursor handed to the connector.</param>
/// <param name="ReachedAt">When the pull that reached <see cref="ReadCursor.ModifiedAt"/> ended; null when never read.</param>
public sealed record PullCursor(ReadCursor Read, DateTimeOffset? ReachedAt)
{
    /// <summary>Never read: a full read.</summary>
    public static readonly PullCursor Start = new(ReadCursor.Start, null);
}
