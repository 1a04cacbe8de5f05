using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>The input cache: accounts, opportunities and contacts as read from the CRM.</summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>
    /// Stores an account's fields and managed values. A copy older than the cached one, or the same copy again (an overlap re-read), is
    /// ignored. Usage rows kept aside for this account are adopted. Returns true when the cache changed (the account is
    /// then marked changed).
    /// </summary>
    public Task<bool> UpsertAccountAsync(AccountRecord record, DateTimeOffset modifiedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return InTransactionAsync((c, tx) => UpsertAccountRowAsync(c, tx, record, modifiedAt, cancellationToken), cancellationToken);
    }

    /// <summary>Stores an opportunity under its account (both the old and the new account are marked changed when it moves).</summary>
    public Task<bool> UpsertOpportunityAsync(OpportunityRecord record, DateTimeOffset modifiedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var child = ChildOf(record.Opportunity.Id, record.AccountId, modifiedAt, record.Opportunity);
        return InTransactionAsync((c, tx) => UpsertChildAsync(c, tx, ChildTable.Opportunities, child, cancellationToken), cancellationToken);
    }

    /// <summary>Stores a contact under its account (both the old and the new account are marked changed when it moves).</summary>
    public Task<bool> UpsertContactAsync(ContactRecord record, DateTimeOffset modifiedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var child = ChildOf(record.Contact.Id, record.AccountId, modifiedAt, record.Contact);
        return InTransactionAsync((c, tx) => UpsertChildAsync(c, tx, ChildTable.Contacts, child, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Removes a deleted or merged-away record and marks its account changed. Deleting an account removes its cached
    /// opportunities, contacts, usage and carry; its history (transitions, conflicts, journal) stays. False when unknown.
    /// </summary>
    public Task<bool> DeleteAsync(CrmObject crmObject, string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return InTransactionAsync((c, tx) => DeleteRowAsync(c, tx, crmObject, id, cancellationToken), cancellationToken);
    }

    private Task<bool> DeleteRowAsync(SqliteConnection c, SqliteTransaction tx, CrmObject crmObject, string id, CancellationToken ct) => crmObject switch
    {
        CrmObject.Account => DeleteAccountAsync(c, tx, id, ct),
        CrmObject.Opportunity => DeleteChildAsync(c, tx, ChildTable.Opportunities, id, ct),
        CrmObject.Contact => DeleteChildAsync(c, tx, ChildTable.Contacts, id, ct),
        _ => DeleteUsageAsync(c, tx, id, ct),
    };

    private async Task<bool> UpsertAccountRowAsync(SqliteConnection c, SqliteTransaction tx, AccountRecord record, DateTimeOffset modifiedAt, CancellationToken ct)
    {
        var account = record.Account;
        var fields = account with { Managed = ManagedValues.Empty, LastWritten = null, Opportunities = [], Contacts = [], Usage = [] };
        var row = new
        {
            account.Id,
            ModifiedAt = Iso.Instant(modifiedAt),
            AccountJson = StoreJson.Write(fields),
            ManagedJson = StoreJson.Write(Normalized(account.Managed)),
            ManagedTextJson = StoreJson.Write(record.ManagedText),
        };

        // A newer copy with the same content (the echo of the worker's own write, already patched in on confirmation)
        // only moves the stamp: the account's inputs did not change, so it is not marked for evaluation.
        var sameContent = await c.ScalarAsync<long?>(
            "SELECT account_json = @AccountJson AND managed_json = @ManagedJson AND managed_text_json = @ManagedTextJson FROM accounts WHERE id = @Id", row, tx, ct).ConfigureAwait(false);
        var stored = await c.ExecAsync(
            """
            INSERT INTO accounts (id, modified_at, account_json, managed_json, managed_text_json) VALUES (@Id, @ModifiedAt, @AccountJson, @ManagedJson, @ManagedTextJson)
            ON CONFLICT (id) DO UPDATE SET modified_at = excluded.modified_at, account_json = excluded.account_json, managed_json = excluded.managed_json,
                managed_text_json = excluded.managed_text_json
            WHERE excluded.modified_at > accounts.modified_at OR (excluded.modified_at = accounts.modified_at AND (excluded.account_json IS NOT accounts.account_json
                OR excluded.managed_json IS NOT accounts.managed_json OR excluded.managed_text_json IS NOT accounts.managed_text_json))
            """,
            row,
            tx,
            ct).ConfigureAwait(false);
        var adopted = await AdoptOrphansAsync(c, tx, account.Id, ct).ConfigureAwait(false);
        var changed = (stored > 0 && sameContent != 1) || adopted > 0;
        if (changed)
        {
            await MarkDirtyAsync(c, tx, account.Id, ct).ConfigureAwait(false);
        }

        return changed;
    }

    /// <summary>Date maps in key order, so the pulled copy and a confirmed write's patch serialise alike.</summary>
    private static ManagedValues Normalized(ManagedValues managed) =>
        managed with { StageEntryDates = CachedCrmPatch.Sorted(managed.StageEntryDates), Milestones = CachedCrmPatch.Sorted(managed.Milestones) };

    private async Task<bool> UpsertChildAsync(SqliteConnection c, SqliteTransaction tx, ChildTable table, ChildRow row, CancellationToken ct)
    {
        var name = table.Name();
        var previousAccount = await c.ScalarAsync<string>($"SELECT account_id FROM {name} WHERE id = @Id", new { row.Id }, tx, ct).ConfigureAwait(false);
        var changed = await c.ExecAsync(
            $"""
            INSERT INTO {name} (id, account_id, modified_at, record_json) VALUES (@Id, @AccountId, @ModifiedAt, @Json)
            ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, modified_at = excluded.modified_at, record_json = excluded.record_json
            WHERE excluded.modified_at > {name}.modified_at
                OR (excluded.modified_at = {name}.modified_at AND (excluded.account_id IS NOT {name}.account_id OR excluded.record_json IS NOT {name}.record_json))
            """,
            row,
            tx,
            ct).ConfigureAwait(false);
        if (changed == 0)
        {
            return false;
        }

        await MarkDirtyAsync(c, tx, row.AccountId, ct).ConfigureAwait(false);
        if (previousAccount is not null && previousAccount != row.AccountId)
        {
            await MarkDirtyAsync(c, tx, previousAccount, ct).ConfigureAwait(false);
        }

        return true;
    }

    private async Task<bool> DeleteChildAsync(SqliteConnection c, SqliteTransaction tx, ChildTable table, string id, CancellationToken ct)
    {
        var accountId = await c.ScalarAsync<string>($"DELETE FROM {table.Name()} WHERE id = @Id RETURNING account_id", new { Id = id }, tx, ct).ConfigureAwait(false);
        if (accountId is null)
        {
            return false;
        }

        await MarkDirtyAsync(c, tx, accountId, ct).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> DeleteAccountAsync(SqliteConnection c, SqliteTransaction tx, string id, CancellationToken ct)
    {
        var deleted = await c.ExecAsync(
            """
            DELETE FROM opportunities WHERE account_id = @Id;
            DELETE FROM contacts WHERE account_id = @Id;
            DELETE FROM usage_orphans WHERE account_id = @Id;
            DELETE FROM accounts WHERE id = @Id;
            """,
            new { Id = id },
            tx,
            ct).ConfigureAwait(false);
        await MarkDirtyAsync(c, tx, id, ct).ConfigureAwait(false);
        return deleted > 0;
    }
}
