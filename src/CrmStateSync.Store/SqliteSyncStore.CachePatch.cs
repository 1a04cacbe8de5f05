using CrmStateSync.Rules.Model;
using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>The cached CRM values brought up to date with a confirmed write (see <see cref="CachedCrmPatch"/>).</summary>
public sealed partial class SqliteSyncStore
{
    private static async Task PatchCachedCrmValuesAsync(
        SqliteConnection c, SqliteTransaction tx, string accountId, IReadOnlyDictionary<string, string?> written, CancellationToken ct)
    {
        var row = await c.OneOrDefaultAsync<CachedCrmRow>(
            "SELECT managed_json AS ManagedJson, managed_text_json AS ManagedTextJson FROM accounts WHERE id = @AccountId", new { AccountId = accountId }, tx, ct).ConfigureAwait(false);
        if (row is null)
        {
            return; // Deleted from the cache meanwhile: nothing to bring up to date.
        }

        var managed = CachedCrmPatch.Apply(StoreJson.Read<ManagedValues>(row.ManagedJson), written);
        var texts = CachedCrmPatch.ApplyText(StoreJson.Read<Dictionary<string, string?>>(row.ManagedTextJson), written);
        await c.ExecAsync(
            "UPDATE accounts SET managed_json = @ManagedJson, managed_text_json = @ManagedTextJson WHERE id = @AccountId",
            new { AccountId = accountId, ManagedJson = StoreJson.Write(managed), ManagedTextJson = StoreJson.Write(texts) },
            tx,
            ct).ConfigureAwait(false);
    }

    private sealed class CachedCrmRow
    {
        public string ManagedJson { get; set; } = "{}";

        public string ManagedTextJson { get; set; } = "{}";
    }
}
