using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store;

/// <summary>Finding a cached account the way an admin names it: by its CRM id, or by its name.</summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>
    /// The cached accounts whose CRM id is <paramref name="idOrName"/>, else those whose name is (exactly), by id. Empty
    /// when none; more than one when a name is shared.
    /// </summary>
    public Task<IReadOnlyList<CachedAccountName>> FindAccountsAsync(string idOrName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idOrName);
        return UseAsync(
            async c =>
            {
                var rows = await c.ListAsync<NameRow>(
                    """
                    SELECT id AS Id, json_extract(account_json, '$.name') AS Name FROM accounts WHERE id = @Key
                    UNION ALL
                    SELECT id, json_extract(account_json, '$.name') FROM accounts
                    WHERE json_extract(account_json, '$.name') = @Key AND NOT EXISTS (SELECT 1 FROM accounts WHERE id = @Key)
                    ORDER BY 1
                    """,
                    new { Key = idOrName },
                    null,
                    cancellationToken).ConfigureAwait(false);
                return (IReadOnlyList<CachedAccountName>)rows.ConvertAll(r => new CachedAccountName(r.Id, r.Name));
            },
            cancellationToken);
    }

    private sealed class NameRow
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }
    }
}

/// <summary>A cached account's CRM id and name (null when the CRM has none).</summary>
public sealed record CachedAccountName(string Id, string? Name);
