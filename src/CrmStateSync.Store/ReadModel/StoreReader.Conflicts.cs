using CrmStateSync.Store.Internal;

namespace CrmStateSync.Store.ReadModel;

/// <summary>
/// The conflict log for the console: filtered, newest first, paged by id. Each filter adds its own condition (none is
/// written as "@x IS NULL OR …", which would keep SQLite from using the index that condition has): open ones walk
/// <c>ix_conflicts_open</c>, one field <c>ix_conflicts_field</c>, one account <c>ix_conflicts_account</c>.
/// </summary>
public sealed partial class StoreReader
{
    /// <summary>An account by CRM id, or by name without regard to case through <c>ix_accounts_name</c> (the same expression and collation).</summary>
    private const string AccountMatches =
        "(c.account_id = @Account OR c.account_id IN (SELECT n.id FROM accounts n WHERE json_extract(n.account_json, '$.name') = @Account COLLATE NOCASE))";

    /// <summary>
    /// The conflicts matching <paramref name="filter"/>, newest first, <paramref name="size"/> a page, older than
    /// conflict <paramref name="before"/> when given.
    /// </summary>
    public Task<Page<ConflictEntry>> ConflictsAsync(ConflictQuery filter, long? before, int size, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // A blank box is no filter; an account typed with spaces around it is the account.
        filter = filter with { Field = Blank(filter.Field) ? null : filter.Field, Account = Blank(filter.Account) ? null : filter.Account!.Trim() };
        var sql = ConflictsSql(filter, before);
        var args = new { filter.Field, filter.Account, Since = Iso.Date(filter.Since), Before = before, Limit = size + 1 };
        return ReadAsync(async c => Page.Of((await c.ListAsync<SqliteSyncStore.ConflictDbRow>(sql, args, null, ct).ConfigureAwait(false)).ConvertAll(r => r.ToEntry()), size), ct);
    }

    /// <summary>The statement <see cref="ConflictsAsync"/> runs for a filter (tests ask SQLite for its plan).</summary>
    internal static string ConflictsSql(ConflictQuery filter, long? before)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new List<string>();
        if (filter.OpenOnly)
        {
            // Spelled as the partial index's WHERE, so the index applies.
            where.Add("c.action = 'Open' AND c.resolved_on IS NULL");
        }

        if (filter.Field is { Length: > 0 })
        {
            // With an account too, the unary + keeps SQLite from walking every conflict of the field (thousands) when
            // the account's few are one index seek away; it chose the field's index otherwise (EXPLAIN QUERY PLAN).
            where.Add(filter.Account is { Length: > 0 } ? "+c.field = @Field" : "c.field = @Field");
        }

        if (filter.Account is { Length: > 0 })
        {
            where.Add(AccountMatches);
        }

        if (filter.Since is not null)
        {
            where.Add("c.detected_on >= @Since");
        }

        if (before is not null)
        {
            where.Add("c.id < @Before");
        }

        var clause = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        return $"SELECT {SqliteSyncStore.ConflictColumns} FROM conflicts c LEFT JOIN accounts a ON a.id = c.account_id {clause} ORDER BY c.id DESC LIMIT @Limit";
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    /// <summary>One conflict, or null.</summary>
    public Task<ConflictEntry?> ConflictAsync(long id, CancellationToken ct) =>
        ReadAsync(
            async c => (await c.OneOrDefaultAsync<SqliteSyncStore.ConflictDbRow>(
                $"SELECT {SqliteSyncStore.ConflictColumns} FROM conflicts c LEFT JOIN accounts a ON a.id = c.account_id WHERE c.id = @Id", new { Id = id }, null, ct).ConfigureAwait(false))?.ToEntry(),
            ct);

    /// <summary>The fields that have conflicts, in order: one index seek per field on <c>ix_conflicts_field</c>, not a walk of the log.</summary>
    public Task<IReadOnlyList<string>> ConflictFieldsAsync(CancellationToken ct) =>
        ReadAsync(
            async c => (IReadOnlyList<string>)await c.ListAsync<string>(
                """
                WITH RECURSIVE f(field) AS (
                    SELECT min(field) FROM conflicts
                    UNION ALL SELECT (SELECT min(c.field) FROM conflicts c WHERE c.field > f.field) FROM f WHERE f.field IS NOT NULL)
                SELECT field FROM f WHERE field IS NOT NULL
                """,
                null,
                null,
                ct).ConfigureAwait(false),
            ct);
}

/// <summary>The console's conflict filters; each is off when null or false.</summary>
/// <param name="OpenOnly">Only conflicts left open for an admin and not resolved yet.</param>
/// <param name="Field">Only this managed field's.</param>
/// <param name="Account">Only this account's: its CRM id, or its name (any case).</param>
/// <param name="Since">Only conflicts detected on or after this day.</param>
public sealed record ConflictQuery(bool OpenOnly = false, string? Field = null, string? Account = null, DateOnly? Since = null);
