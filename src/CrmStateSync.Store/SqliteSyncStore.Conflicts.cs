using CrmStateSync.Sync.Diff;
using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store;

/// <summary>The conflict log: human edits of managed fields and what the policy did. Never deleted.</summary>
public sealed partial class SqliteSyncStore
{
    private const string ConflictColumns =
        "id AS Id, account_id AS AccountId, field AS Field, crm_value AS CrmValue, engine_value AS EngineValue, action AS Action, " +
        "rule AS Rule, detected_on AS DetectedOn, resolved_keep AS ResolvedKeep, resolved_on AS ResolvedOn";

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

    /// <summary>The conflicts matching the filter (all when null), oldest first.</summary>
    public Task<IReadOnlyList<ConflictEntry>> ListConflictsAsync(ConflictFilter? filter, CancellationToken cancellationToken)
    {
        filter ??= new ConflictFilter();
        return ConflictsAsync(
            """
            (@OpenOnly = 0 OR (action = 'Open' AND resolved_on IS NULL))
            AND (@AccountId IS NULL OR account_id = @AccountId)
            AND (@Since IS NULL OR detected_on >= @Since)
            """,
            new { OpenOnly = filter.OpenOnly ? 1 : 0, filter.AccountId, Since = Iso.Date(filter.Since) },
            cancellationToken);
    }

    /// <summary>One conflict, or null.</summary>
    public async Task<ConflictEntry?> GetConflictAsync(long id, CancellationToken cancellationToken) =>
        (await ConflictsAsync("id = @Id", new { Id = id }, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>Records an admin's decision on an unresolved conflict; false when unknown or already resolved.</summary>
    public async Task<bool> ResolveConflictAsync(long id, ConflictKeep keep, DateOnly resolvedOn, CancellationToken cancellationToken) =>
        await InTransactionAsync(
            (c, tx) => c.ExecAsync(
                "UPDATE conflicts SET resolved_keep = @Keep, resolved_on = @ResolvedOn WHERE id = @Id AND resolved_on IS NULL",
                new { Id = id, Keep = keep.ToString(), ResolvedOn = Iso.Date(resolvedOn) },
                tx,
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;

    private Task<IReadOnlyList<ConflictEntry>> ConflictsAsync(string where, object param, CancellationToken ct) =>
        UseAsync(
            async c =>
            {
                var rows = await c.ListAsync<ConflictDbRow>($"SELECT {ConflictColumns} FROM conflicts WHERE {where} ORDER BY id", param, null, ct).ConfigureAwait(false);
                return (IReadOnlyList<ConflictEntry>)rows.ConvertAll(r => r.ToEntry());
            },
            ct);

    private sealed class ConflictDbRow
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

        public ConflictEntry ToEntry() => new(
            Id, AccountId, Field, CrmValue, EngineValue, Enum.Parse<ConflictAction>(Action), Rule, Iso.ParseDate(DetectedOn),
            ResolvedKeep is null ? null : Enum.Parse<ConflictKeep>(ResolvedKeep), Iso.ParseDateOrNull(ResolvedOn));
    }
}
