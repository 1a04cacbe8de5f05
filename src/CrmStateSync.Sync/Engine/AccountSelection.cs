using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.Engine;

/// <summary>
/// sync.md step 2, which accounts a cycle evaluates — the engine's decision over what the store holds: the accounts whose
/// inputs changed (their changed marks) and those with a transient rejection to retry (step 5), or every cached account
/// (the daily full evaluation, a backfill); never an account kept aside with a problem ("No record stops a cycle").
/// </summary>
public static class AccountSelection
{
    /// <summary>Changed ∪ transiently rejected, less kept aside, in ordinal order.</summary>
    public static IReadOnlyList<string> Changed(IEnumerable<string> dirty, IEnumerable<RejectedWrite> rejected, IReadOnlySet<string> keptAside) =>
        [.. dirty.Union(rejected.Where(e => e.Transient).Select(e => e.AccountId), StringComparer.Ordinal).Where(id => !keptAside.Contains(id)).Order(StringComparer.Ordinal)];

    /// <summary>Every cached account less those kept aside, in the cache's order.</summary>
    public static IReadOnlyList<string> All(IEnumerable<string> cached, IReadOnlySet<string> keptAside) => [.. cached.Where(id => !keptAside.Contains(id))];

    /// <summary><see cref="Changed"/> over what <paramref name="store"/> holds now.</summary>
    public static async Task<IReadOnlyList<string>> ChangedAsync(ISyncStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var dirty = await store.DirtyAccountsAsync(ct).ConfigureAwait(false);
        var rejected = await store.RejectedWritesAsync(ct).ConfigureAwait(false);
        var keptAside = await store.KeptAsideAccountsAsync(ct).ConfigureAwait(false);
        return Changed(dirty, rejected, keptAside);
    }

    /// <summary><see cref="All"/> over what <paramref name="store"/> holds now.</summary>
    public static async Task<IReadOnlyList<string>> AllAsync(ISyncStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var keptAside = await store.KeptAsideAccountsAsync(ct).ConfigureAwait(false);
        return All(await store.CachedAccountsAsync(ct).ConfigureAwait(false), keptAside);
    }
}
