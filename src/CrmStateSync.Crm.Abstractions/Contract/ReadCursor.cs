namespace CrmStateSync.Crm.Contract;

/// <summary>
/// Where an incremental read resumes: the change timestamp (<c>SystemModstamp</c> / <c>hs_lastmodifieddate</c>) and
/// the id of the last record the caller made durable at that timestamp. <see cref="Start"/> reads everything.
/// Connectors read from <c>ModifiedAt − overlap</c> and may return records the caller has seen; the caller upserts
/// idempotently by id and modification time.
/// </summary>
public sealed record ReadCursor(DateTimeOffset? ModifiedAt, string? LastId)
{
    /// <summary>
    /// True once the changes up to <see cref="ModifiedAt"/> have been re-read long enough after they were first seen
    /// that nothing more can commit with an earlier stamp: the connector then reads from <see cref="ModifiedAt"/> itself,
    /// without its overlap, so a quiet org costs one read call per object. Default false.
    /// </summary>
    public bool Settled { get; init; }

    /// <summary>No cursor: a full read.</summary>
    public static readonly ReadCursor Start = new(null, null);

    /// <summary>True when this change sorts after the cursor (timestamp, then id as the CRM sorts it).</summary>
    public bool IsBefore(DateTimeOffset modifiedAt, string id) =>
        ModifiedAt is not { } at || modifiedAt > at || (modifiedAt == at && CompareIds(id, LastId) > 0);

    /// <summary>Ids ordinally, except that all-digit ids (HubSpot's <c>hs_object_id</c>, sorted as a number) compare
    /// by length first, so <c>100</c> sorts after <c>99</c>.</summary>
    private static int CompareIds(string id, string? lastId) =>
        lastId is not null && id.Length != lastId.Length && IsDigits(id) && IsDigits(lastId)
            ? id.Length.CompareTo(lastId.Length)
            : string.CompareOrdinal(id, lastId);

    private static bool IsDigits(string id) => id.Length > 0 && id.All(char.IsAsciiDigit);
}
