using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store;

/// <summary>Small facts remembered across processes (table <c>worker_state</c>).</summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>The value stored under <paramref name="key"/>, or null.</summary>
    public Task<string?> GetStateAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return UseAsync(c => c.OneOrDefaultAsync<string>("SELECT value FROM worker_state WHERE key = @Key", new { Key = key }, null, cancellationToken), cancellationToken);
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing what was there.</summary>
    public Task SetStateAsync(string key, string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        return InTransactionAsync(
            (c, tx) => c.ExecAsync(
                "INSERT INTO worker_state (key, value) VALUES (@Key, @Value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                new { Key = key, Value = value },
                tx,
                cancellationToken),
            cancellationToken);
    }
}
