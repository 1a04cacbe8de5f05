namespace CrmStateSync.Crm.Contract;

/// <summary>
/// Where an incremental read resumes: the change timestamp (<c>SystemModstamp</c> / <c>hs_lastmodifieddate</c>) and
/// the id of the last record the caller made durable at that timestamp. <see cref="Start"/> reads everything.
/// Connectors read from <c>ModifiedAt − overlap</c> and may return records the caller has seen; the caller upserts
/// idempotently by id and modification time.
/// </summary>
public sealed record ReadCursor(DateTimeOffset? ModifiedAt, string? LastId)
{
    /// <summary>No cursor: a full read.</summary>
    public static readonly ReadCursor Start = new(null, null);

    /// <summary>True when this change sorts after the cursor (timestamp, then id ordinally).</summary>
    public bool IsBefore(DateTimeOffset modifiedAt, string id) =>
        ModifiedAt is not { } at || modifiedAt > at || (modifiedAt == at && string.CompareOrdinal(id, LastId) > 0);
}
