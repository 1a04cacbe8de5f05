using CrmStateSync.Store.Internal;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store.ReadModel;

/// <summary>
/// The accounts list: by name (a case-insensitive prefix) or by exact id, first by name, keyset paged. Every page is a
/// walk of <c>ix_accounts_name</c> (migration 9): the statements spell its expression and collation exactly, and the
/// page after an account starts where that account's name is in the index, so a deep page costs what the first does.
/// </summary>
public sealed partial class StoreReader
{
    /// <summary>The name as the index holds it; any other spelling (another path, another collation) scans the table.</summary>
    internal const string NameKey = "json_extract(a.account_json, '$.name') COLLATE NOCASE";

    /// <summary>
    /// <paramref name="size"/> accounts in name order (then by row), whose name starts with <paramref name="query"/>
    /// (ignoring ASCII case) when one is given, after the account <paramref name="after"/> when given. On the first page
    /// of a query, the account whose id is exactly <paramref name="query"/> comes first.
    /// </summary>
    public Task<Page<AccountRow>> AccountsAsync(string? query, string? after, int size, CancellationToken ct) =>
        ReadAsync(
            async c =>
            {
                var q = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
                var cursor = after is null ? null : await c.OneOrDefaultAsync<AccountCursor>(
                    "SELECT json_extract(account_json, '$.name') AS Name, rowid AS RowId FROM accounts WHERE id = @Id", new { Id = after }, null, ct).ConfigureAwait(false);
                if (after is not null && cursor is null)
                {
                    return new Page<AccountRow>([], false);
                }

                var rows = await c.ListAsync<AccountRow>(
                    AccountsSql(q is not null, cursor is null ? AfterKind.None : cursor.Name is null ? AfterKind.Unnamed : AfterKind.Named),
                    new { Q = q, AfterName = cursor?.Name, AfterRowId = cursor?.RowId, Limit = size + 1 },
                    null,
                    ct).ConfigureAwait(false);
                var page = Page.Of(rows, size);
                return q is null || after is not null ? page : await WithExactIdAsync(c, q, page, ct).ConfigureAwait(false);
            },
            ct);

    /// <summary>The first page of a search leads with the account whose id is the query, when there is one.</summary>
    private static async Task<Page<AccountRow>> WithExactIdAsync(SqliteConnection c, string id, Page<AccountRow> page, CancellationToken ct)
    {
        if (page.Items.Any(r => r.Id == id))
        {
            return page;
        }

        var byId = await c.OneOrDefaultAsync<AccountRow>($"SELECT {AccountColumns} FROM accounts a WHERE a.id = @Id", new { Id = id }, null, ct).ConfigureAwait(false);
        return byId is null ? page : page with { Items = [byId, .. page.Items] };
    }

    private const string AccountColumns =
        "a.id AS Id, json_extract(a.account_json, '$.name') AS Name, json_extract(a.managed_text_json, '$.stage') AS Stage, " +
        "json_extract(a.managed_text_json, '$.divergence') AS Divergence, " +
        "(SELECT count(*) FROM conflicts c WHERE c.account_id = a.id AND c.action = 'Open' AND c.resolved_on IS NULL) AS OpenConflicts";

    /// <summary>Where the page starts: at the beginning, after a named account, or after one without a name (those sort first).</summary>
    internal enum AfterKind
    {
        None,
        Named,
        Unnamed,
    }

    /// <summary>
    /// The statement of one page. The prefix is a range on the index (<c>&gt;= q AND &lt; q || U+10FFFF</c>) rather than
    /// LIKE, which the index cannot serve; the cursor is <c>name &gt;= n AND (name &gt; n OR rowid &gt; r)</c> rather than a
    /// row value, which SQLite walks from the index's start.
    /// </summary>
    internal static string AccountsSql(bool prefix, AfterKind after)
    {
        var where = new List<string>();
        if (prefix)
        {
            where.Add($"{NameKey} >= @Q AND {NameKey} < @Q || char(1114111)");
        }

        where.Add(after switch
        {
            AfterKind.Named => $"{NameKey} >= @AfterName AND ({NameKey} > @AfterName OR a.rowid > @AfterRowId)",
            AfterKind.Unnamed => $"({NameKey} IS NOT NULL OR a.rowid > @AfterRowId)",
            _ => "1",
        });
        return $"SELECT {AccountColumns} FROM accounts a WHERE {string.Join(" AND ", where)} ORDER BY {NameKey}, a.rowid LIMIT @Limit";
    }

    private sealed class AccountCursor
    {
        public string? Name { get; set; }
        public long RowId { get; set; }
    }
}

/// <summary>One account in the list: its name and id, and the stage and divergence the CRM shows.</summary>
public sealed class AccountRow
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? Stage { get; set; }
    public string? Divergence { get; set; }
    public long OpenConflicts { get; set; }
}
