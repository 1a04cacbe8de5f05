namespace CrmStateSync.Store;

/// <summary>What <see cref="SqliteSyncStore.UpsertUsageAsync"/> did with a usage row.</summary>
public enum UsageUpsert
{
    /// <summary>Stored (new or newer); the account is marked changed.</summary>
    Stored,

    /// <summary>The cache already holds this row at the same or a later modification time.</summary>
    Unchanged,

    /// <summary>The account is not in the cache: the row is kept aside (<see cref="SqliteSyncStore.OrphanUsageAsync"/>).</summary>
    Orphaned,

    /// <summary>The row is dated within the account's pruned period, whose totals the carry row already holds.</summary>
    AlreadyCarried,
}

/// <summary>A usage row kept aside because its account is not in the cache, and when it arrived.</summary>
public sealed record OrphanUsage(string Id, string AccountId, Rules.Model.UsageRow Usage, DateTimeOffset ReceivedAt);
