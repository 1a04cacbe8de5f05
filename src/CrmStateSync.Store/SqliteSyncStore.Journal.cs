using CrmStateSync.Crm.Contract;
using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>
/// The write journal (crash safety): a batch is journaled before it is sent and completed after the CRM answers; an
/// entry still pending at start-up was interrupted and is resent. Completing updates last-written in the same transaction.
/// </summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>
    /// Journals the writes of one batch (one per account) as pending, under the run in progress (none outside a run);
    /// returns the batch id. Call before sending.
    /// </summary>
    public Task<long> BeginBatchAsync(IReadOnlyList<JournalWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var entries = writes.Select(w => new
        {
            w.Write.AccountId,
            FieldsJson = StoreJson.Write(w.Write.Fields.Keys),
            ValuesJson = StoreJson.Write(w.Write.Fields.ToDictionary(f => f.Key, f => Sync.Diff.FieldText.Of(f.Value), StringComparer.Ordinal)),
            StageJson = w.Stage is null ? null : StoreJson.Write(w.Stage),
        }).ToList();
        return InTransactionAsync(
            async (c, tx) =>
            {
                var batchId = await c.ScalarAsync<long>(
                    "INSERT INTO write_batches (created_at, run_id) VALUES (@Now, @Run) RETURNING id", new { Now = Now(), Run = _run == 0 ? (long?)null : _run }, tx, cancellationToken).ConfigureAwait(false);
                await c.ExecAsync(
                    """
                    INSERT INTO write_entries (batch_id, account_id, fields_json, values_json, stage_json, status)
                    VALUES (@BatchId, @AccountId, @FieldsJson, @ValuesJson, @StageJson, 'Pending')
                    """,
                    entries.Select(e => new { BatchId = batchId, e.AccountId, e.FieldsJson, e.ValuesJson, e.StageJson }).ToList(),
                    tx,
                    cancellationToken).ConfigureAwait(false);
                return batchId;
            },
            cancellationToken);
    }

    /// <summary>
    /// Records the CRM's answer per account: a confirmed write becomes done and its values (and stage decision) become
    /// last-written, superseding the account's earlier rejections; a refused one keeps the CRM's errors and transient flag.
    /// All in one transaction. Accounts without a result stay pending.
    /// </summary>
    public Task<BatchCompletion> CompleteBatchAsync(long batchId, IReadOnlyList<WriteResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(results);
        return InTransactionAsync(
            async (c, tx) =>
            {
                var (done, rejected, unmatched) = (0, 0, 0);
                foreach (var result in results)
                {
                    var entry = await c.OneOrDefaultAsync<EntryDbRow>(
                        $"SELECT {EntryDbRow.Columns} FROM write_entries e JOIN write_batches b ON b.id = e.batch_id WHERE e.batch_id = @BatchId AND e.account_id = @AccountId AND e.status = 'Pending'",
                        new { BatchId = batchId, AccountId = result.RecordId },
                        tx,
                        cancellationToken).ConfigureAwait(false);
                    if (entry is null)
                    {
                        unmatched++;
                    }
                    else if (result.Success)
                    {
                        await ConfirmAsync(c, tx, entry.ToEntry(), cancellationToken).ConfigureAwait(false);
                        done++;
                    }
                    else
                    {
                        await RejectAsync(c, tx, entry.Id, result, cancellationToken).ConfigureAwait(false);
                        rejected++;
                    }
                }

                await c.ExecAsync(
                    "UPDATE write_batches SET completed_at = @Now WHERE id = @BatchId AND NOT EXISTS (SELECT 1 FROM write_entries WHERE batch_id = @BatchId AND status = 'Pending')",
                    new { BatchId = batchId, Now = Now() },
                    tx,
                    cancellationToken).ConfigureAwait(false);
                return new BatchCompletion(done, rejected, unmatched);
            },
            cancellationToken);
    }

    /// <summary>Entries journaled but never completed (the process stopped between journaling and the CRM's answer), oldest first.</summary>
    public Task<IReadOnlyList<JournalEntry>> PendingEntriesAsync(CancellationToken cancellationToken) => EntriesAsync(JournalStatus.Pending, cancellationToken);

    /// <summary>Every journaled write of one account, oldest first.</summary>
    public Task<IReadOnlyList<JournalEntry>> AccountEntriesAsync(string accountId, CancellationToken cancellationToken) =>
        UseAsync(
            async c =>
            {
                var rows = await c.ListAsync<EntryDbRow>(
                    $"SELECT {EntryDbRow.Columns} FROM write_entries e JOIN write_batches b ON b.id = e.batch_id WHERE e.account_id = @AccountId ORDER BY e.id",
                    new { AccountId = accountId },
                    null,
                    cancellationToken).ConfigureAwait(false);
                return (IReadOnlyList<JournalEntry>)rows.ConvertAll(r => r.ToEntry());
            },
            cancellationToken);

    /// <summary>Entries the CRM refused and no later write of the account replaced, oldest first.</summary>
    public Task<IReadOnlyList<JournalEntry>> RejectedEntriesAsync(CancellationToken cancellationToken) => EntriesAsync(JournalStatus.Rejected, cancellationToken);

    /// <summary>
    /// Marks the rejected entries of accounts that were evaluated and needed no write as superseded: what they tried
    /// to send is no longer wanted, so they are neither retried nor shown as failing (they stay in the journal).
    /// </summary>
    public Task<int> SupersedeRejectedAsync(IEnumerable<string> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var rows = accountIds.Select(id => new { AccountId = id }).ToList();
        return InTransactionAsync(
            (c, tx) => c.ExecAsync("UPDATE write_entries SET status = 'Superseded' WHERE account_id = @AccountId AND status = 'Rejected'", rows, tx, cancellationToken),
            cancellationToken);
    }

    private Task<IReadOnlyList<JournalEntry>> EntriesAsync(JournalStatus status, CancellationToken ct) =>
        UseAsync(
            async c =>
            {
                var rows = await c.ListAsync<EntryDbRow>(
                    $"SELECT {EntryDbRow.Columns} FROM write_entries e JOIN write_batches b ON b.id = e.batch_id WHERE e.status = @Status ORDER BY e.id",
                    new { Status = status.ToString() },
                    null,
                    ct).ConfigureAwait(false);
                return (IReadOnlyList<JournalEntry>)rows.ConvertAll(r => r.ToEntry());
            },
            ct);

    private async Task ConfirmAsync(SqliteConnection c, SqliteTransaction tx, JournalEntry entry, CancellationToken ct)
    {
        await c.ExecAsync(
            """
            UPDATE write_entries SET status = 'Done', completed_at = @Now WHERE id = @Id;
            UPDATE write_entries SET status = 'Superseded' WHERE account_id = @AccountId AND status = 'Rejected' AND id < @Id;
            """,
            new { entry.Id, entry.AccountId, Now = Now() },
            tx,
            ct).ConfigureAwait(false);
        await WriteLastValuesAsync(c, tx, entry.AccountId, entry.Values, ct).ConfigureAwait(false);
        await PatchCachedCrmValuesAsync(c, tx, entry.AccountId, entry.Values, ct).ConfigureAwait(false);
        if (entry.Stage is { } stage)
        {
            await WriteLastWrittenAsync(c, tx, entry.AccountId, stage, ct).ConfigureAwait(false);
        }
    }

    private Task<int> RejectAsync(SqliteConnection c, SqliteTransaction tx, long entryId, WriteResult result, CancellationToken ct) =>
        c.ExecAsync(
            """
            UPDATE write_entries SET status = 'Rejected', transient = @Transient, error_code = @Code, error_message = @Message,
                errors_json = @ErrorsJson, completed_at = @Now
            WHERE id = @Id
            """,
            new
            {
                Id = entryId,
                Transient = result.Transient ? 1 : 0,
                Code = result.Errors.Count > 0 ? result.Errors[0].Code : null,
                Message = result.Errors.Count > 0 ? result.Errors[0].Message : null,
                ErrorsJson = StoreJson.Write(result.Errors),
                Now = Now(),
            },
            tx,
            ct);
}
