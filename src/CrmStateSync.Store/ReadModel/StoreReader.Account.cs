using System.Text.Json;
using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store.ReadModel;

/// <summary>
/// One account's "why": what the CRM shows for every managed field, its transitions (newest first), conflicts, problems,
/// intervention tasks and what the worker last wrote — each read by the account's id through an index.
/// </summary>
public sealed partial class StoreReader
{
    /// <summary>Transitions shown for one account; an account moves a few times a year, so this is a guard, not a page.</summary>
    public const int TimelineLimit = 500;

    /// <summary>The account <paramref name="id"/>, or null when the store does not hold it.</summary>
    public Task<AccountDetail?> AccountAsync(string id, CancellationToken ct) =>
        ReadAsync(
            async c =>
            {
                using var tx = c.BeginTransaction(deferred: true);
                var args = new { Id = id, Limit = TimelineLimit };
                var head = await c.OneOrDefaultAsync<AccountHead>(
                    "SELECT id AS Id, json_extract(account_json, '$.name') AS Name, json_extract(account_json, '$.segment') AS Segment, modified_at AS ModifiedAt, " +
                    "managed_text_json AS ManagedTextJson FROM accounts WHERE id = @Id", args, tx, ct).ConfigureAwait(false);
                if (head is null)
                {
                    return null;
                }

                return new AccountDetail(
                    head.Id,
                    head.Name,
                    head.Segment,
                    head.ModifiedAt,
                    JsonSerializer.Deserialize<Dictionary<string, string?>>(head.ManagedTextJson) ?? [],
                    await c.ListAsync<TransitionRow>(
                        "SELECT id AS Id, from_stage AS FromStage, to_stage AS ToStage, on_date AS OnDate, source AS Source, reason AS Reason, recorded_at AS RecordedAt " +
                        "FROM transitions WHERE account_id = @Id ORDER BY on_date DESC, id DESC LIMIT @Limit", args, tx, ct).ConfigureAwait(false),
                    // The conflict log's own columns and entry, as the conflicts pages and `conflicts list` read it.
                    (await c.ListAsync<SqliteSyncStore.ConflictDbRow>(
                        $"SELECT {SqliteSyncStore.ConflictColumns} FROM conflicts c LEFT JOIN accounts a ON a.id = c.account_id WHERE c.account_id = @Id ORDER BY c.id DESC",
                        args, tx, ct).ConfigureAwait(false)).ConvertAll(r => r.ToEntry()),
                    await c.ListAsync<ProblemRow>(
                        "SELECT id AS Id, run_id AS RunId, object AS ObjectName, record_id AS RecordId, record_id AS AccountId, field AS Field, value AS Value, message AS Message, kind AS Kind, kept_aside AS KeptAside, " +
                        "detected_at AS DetectedAt, closed_at AS ClosedAt FROM problems WHERE record_id = @Id ORDER BY closed_at IS NOT NULL, id DESC", args, tx, ct).ConfigureAwait(false),
                    await c.ListAsync<AccountTaskRow>(
                        "SELECT id AS Id, kind AS Kind, status AS Status, reason AS Reason, due AS Due, crm_task_id AS CrmTaskId, reserved_at AS ReservedAt, closed_at AS ClosedAt, " +
                        "last_error_message AS LastError FROM intervention_tasks WHERE account_id = @Id ORDER BY id DESC", args, tx, ct).ConfigureAwait(false),
                    await c.ListAsync<LastWrittenRow>(
                        "SELECT field AS Field, value AS Value, written_at AS WrittenAt FROM last_written_fields WHERE account_id = @Id ORDER BY field", args, tx, ct).ConfigureAwait(false));
            },
            ct);

    private sealed class AccountHead
    {
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        public string? Segment { get; set; }
        public string ModifiedAt { get; set; } = "";
        public string ManagedTextJson { get; set; } = "{}";
    }
}
