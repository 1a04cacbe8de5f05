using System.Runtime.CompilerServices;
using CrmStateSync.Rules.Model;
using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>Reading the canonical snapshot back out of the cache.</summary>
public sealed partial class SqliteSyncStore
{
    private const int IdPageSize = 1000;

    /// <summary>
    /// The account as the rules read it: fields and managed values as last read, its opportunities and contacts, its
    /// usage by date, and what the worker last wrote; null when the account is not cached. When usage was pruned, the
    /// usage list starts with one synthetic row holding the pruned totals, dated at the earliest pruned date with an
    /// active user (else the earliest pruned date), with one active user when there was one.
    /// </summary>
    public Task<AccountSnapshot?> LoadSnapshotAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        return UseAsync(c => LoadSnapshotAsync(c, accountId, cancellationToken), cancellationToken);
    }

    /// <summary>The CRM's current managed values of the account as canonical text (empty when unknown).</summary>
    public Task<IReadOnlyDictionary<string, string?>> LoadCrmTextAsync(string accountId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        return UseAsync(
            async c =>
            {
                var json = await c.OneOrDefaultAsync<string>("SELECT managed_text_json FROM accounts WHERE id = @AccountId", new { AccountId = accountId }, null, cancellationToken).ConfigureAwait(false);
                return json is null ? (IReadOnlyDictionary<string, string?>)new Dictionary<string, string?>() : StoreJson.Read<Dictionary<string, string?>>(json);
            },
            cancellationToken);
    }

    /// <summary>Every cached account id, in id order, read a page at a time (other calls may run between pages).</summary>
    public async IAsyncEnumerable<string> AllAccountIdsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            var page = await UseAsync(
                c => c.ListAsync<string>(
                    "SELECT id FROM accounts WHERE id > @After ORDER BY id LIMIT @Limit", new { After = after, Limit = IdPageSize }, null, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            foreach (var id in page)
            {
                yield return id;
            }

            if (page.Count < IdPageSize)
            {
                yield break;
            }

            after = page[^1];
        }
    }

    private static async Task<AccountSnapshot?> LoadSnapshotAsync(SqliteConnection c, string accountId, CancellationToken ct)
    {
        var key = new { AccountId = accountId };
        var account = await c.OneOrDefaultAsync<AccountDbRow>(
            "SELECT account_json AS AccountJson, managed_json AS ManagedJson FROM accounts WHERE id = @AccountId", key, null, ct).ConfigureAwait(false);
        if (account is null)
        {
            return null;
        }

        var opportunities = await c.ListAsync<string>("SELECT record_json FROM opportunities WHERE account_id = @AccountId ORDER BY id", key, null, ct).ConfigureAwait(false);
        var contacts = await c.ListAsync<string>("SELECT record_json FROM contacts WHERE account_id = @AccountId ORDER BY id", key, null, ct).ConfigureAwait(false);
        var usage = await c.ListAsync<UsageDbRow>($"SELECT {UsageDbRow.Columns} FROM usage WHERE account_id = @AccountId ORDER BY date, id", key, null, ct).ConfigureAwait(false);
        var carry = await ReadCarryAsync(c, null, accountId, ct).ConfigureAwait(false);
        var rows = new List<UsageRow>(usage.Count + 1);
        if (carry is not null)
        {
            rows.Add(carry.ToUsageRow());
        }

        rows.AddRange(usage.Select(u => u.ToUsage()));
        return StoreJson.Read<AccountSnapshot>(account.AccountJson) with
        {
            Id = accountId,
            Managed = StoreJson.Read<ManagedValues>(account.ManagedJson),
            Opportunities = opportunities.ConvertAll(StoreJson.Read<Opportunity>),
            Contacts = contacts.ConvertAll(StoreJson.Read<Contact>),
            Usage = rows,
            LastWritten = await ReadLastWrittenAsync(c, null, accountId, ct).ConfigureAwait(false),
        };
    }

    private sealed class AccountDbRow
    {
        public string AccountJson { get; set; } = "";
        public string ManagedJson { get; set; } = "";
    }
}
