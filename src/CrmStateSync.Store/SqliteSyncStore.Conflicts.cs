using CrmStateSync.Sync.Diff;
using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store;

/// <summary>The conflict log: human edits of managed fields and what the policy did. Never deleted.</summary>
public sealed partial class SqliteSyncStore
{
    // The account's name comes from the input cache (the account as last read), so the log needs no copy of it.
    // Shared with the console's read model (ReadModel/StoreReader.Conflicts.cs), so both read a conflict alike.
    internal const string ConflictColumns =
        "c.id AS Id, c.account_id AS AccountId, c.field AS Field, c.crm_value AS CrmValue, c.engine_value AS EngineValue, c.action AS Action, " +
        "c.rule AS Rule, c.detected_on AS DetectedOn, c.resolved_keep AS ResolvedKeep, c.resolved_on AS ResolvedOn, " +
        "c.resolved_by AS ResolvedBy, c.applied_at AS AppliedAt, json_extract(a.account_json, '$.name') AS AccountName";

    /// <summary>Logs a conflict; returns its id.</summary>
    public Task<long> AddConflictAsync(NewConflict conflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return InTransactionAsync(
            (c, tx) => c.ScalarAsync<long>(
                """
                INSERT INTO conflicts (account_id, field, crm_value, engine_value, action, rule, detected_on)
                VALUES (@AccountId, @Field, @CrmValue, @EngineValue, @Action, @Rule, @DetectedOn) RETURNING id
                """,
                new { conflict.AccountId, conflict.Field, conflict.CrmValue, conflict.EngineValue, Action = conflict.Action.ToString(), conflict.Rule, DetectedOn = Iso.Date(conflict.DetectedOn) },
                tx,
                cancellationToken),
            cancellationToken);
    }

    /// <summary>The conflicts matching the filter (all when null), oldest first; the account filter matches the CRM id or the name.</summary>
    public Task<IReadOnlyList<ConflictEntry>> ListConflictsAsync(ConflictFilter? filter, CancellationToken cancellationToken)
    {
        filter ??= new ConflictFilter();
        return ConflictsAsync(
            """
            (@OpenOnly = 0 OR (c.action = 'Open' AND c.resolved_on IS NULL))
            AND (@AccountId IS NULL OR c.account_id = @AccountId OR json_extract(a.account_json, '$.name') = @AccountId)
            AND (@Since IS NULL OR c.detected_on >= @Since)
            """,
            new { OpenOnly = filter.OpenOnly ? 1 : 0, filter.AccountId, Since = Iso.Date(filter.Since) },
            cancellationToken);
    }

    /// <summary>One conflict, or null.</summary>
    public async Task<ConflictEntry?> GetConflictAsync(long id, CancellationToken cancellationToken) =>
        (await ConflictsAsync("c.id = @Id", new { Id = id }, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>
    /// Records an admin's decision on an unresolved conflict and marks its account changed, so the next cycle evaluates
    /// it and applies the decision (a cycle evaluates only changed accounts after the day's first); false when unknown or
    /// already resolved.
    /// </summary>
    public async Task<bool> ResolveConflictAsync(long id, ConflictKeep keep, DateOnly resolvedOn, string? resolvedBy, CancellationToken cancellationToken) =>
        await InTransactionAsync(
            async (c, tx) =>
            {
                var accountId = await c.ScalarAsync<string?>(
                    """
                    UPDATE conflicts SET resolved_keep = @Keep, resolved_on = @ResolvedOn, resolved_by = @ResolvedBy
                    WHERE id = @Id AND resolved_on IS NULL RETURNING account_id
                    """,
                    new { Id = id, Keep = keep.ToString(), ResolvedOn = Iso.Date(resolvedOn), ResolvedBy = resolvedBy },
                    tx,
                    cancellationToken).ConfigureAwait(false);
                await MarkDirtyIfAsync(c, tx, accountId, cancellationToken).ConfigureAwait(false);
                return accountId is not null;
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Stamps the resolutions a cycle has now acted on for the given (just evaluated and settled) accounts: <c>--keep crm</c>
    /// once evaluated, <c>--keep engine</c> once the worker's last confirmed value of the field is the engine value.
    /// </summary>
    private static Task<int> MarkResolutionsAppliedAsync(SqliteConnection c, SqliteTransaction tx, object rows, CancellationToken ct) =>
        c.ExecAsync(
            """
            UPDATE conflicts SET applied_at = @Now
            WHERE account_id = @Id AND resolved_on IS NOT NULL AND applied_at IS NULL
              AND (resolved_keep = 'Crm' OR EXISTS (SELECT 1 FROM last_written_fields l
                   WHERE l.account_id = conflicts.account_id AND l.field = conflicts.field AND l.value IS conflicts.engine_value))
            """,
            rows,
            tx,
            ct);

    private Task<IReadOnlyList<ConflictEntry>> ConflictsAsync(string where, object param, CancellationToken ct) =>
        UseAsync(
            async c =>
            {
                var rows = await c.ListAsync<ConflictDbRow>($"SELECT {ConflictColumns} FROM conflicts c LEFT JOIN accounts a ON a.id = c.account_id WHERE {where} ORDER BY c.id", param, null, ct).ConfigureAwait(false);
                return (IReadOnlyList<ConflictEntry>)rows.ConvertAll(r => r.ToEntry());
            },
            ct);

    internal sealed class ConflictDbRow
    {
        public long Id { get; set; }
        public string AccountId { get; set; } = "";
        public string Field { get; set; } = "";
        public string? CrmValue { get; set; }
        public string? EngineValue { get; set; }
        public string Action { get; set; } = "";
        public string? Rule { get; set; }
        public string DetectedOn { get; set; } = "";
        public string? ResolvedKeep { get; set; }
        public string? ResolvedOn { get; set; }
        public string? ResolvedBy { get; set; }
        public string? AppliedAt { get; set; }
        public string? AccountName { get; set; }

        public ConflictEntry ToEntry() => new(
            Id, AccountId, Field, CrmValue, EngineValue, Enum.Parse<ConflictAction>(Action), Rule, Iso.ParseDate(DetectedOn),
            ResolvedKeep is null ? null : Enum.Parse<ConflictKeep>(ResolvedKeep), Iso.ParseDateOrNull(ResolvedOn))
        {
            AccountName = AccountName,
            ResolvedBy = ResolvedBy,
            AppliedAt = Iso.ParseInstantOrNull(AppliedAt),
        };
    }
}
