using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Store.ReadModel;
using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store.Tests;

/// <summary>
/// The console's account search (issue 15): every page is a walk of <c>ix_accounts_name</c>, never a scan of the table
/// (the statements must spell the index's expression and collation), and paging by name visits every account once,
/// those without a name included.
/// </summary>
public sealed class AccountSearchTests : StoreTestBase
{
    [TestCase(true, "None", "SEARCH a USING INDEX ix_accounts_name (<expr>>? AND <expr><?)", TestName = "A name prefix is a range of the index")]
    [TestCase(true, "Named", "SEARCH a USING INDEX ix_accounts_name (<expr>>? AND <expr><?)", TestName = "The next page of a prefix starts inside the range")]
    [TestCase(false, "Named", "SEARCH a USING INDEX ix_accounts_name (<expr>>?)", TestName = "The next page of the list starts at the last name")]
    [TestCase(false, "None", "SCAN a USING INDEX ix_accounts_name", TestName = "The first page of the list walks the index from its start, in order")]
    public async Task AccountsSql_UsesTheNameIndex(bool prefix, string after, string expected)
    {
        await (await OpenAsync()).DisposeAsync();
        await using var c = new SqliteConnection($"Data Source={DbPath}");
        await c.OpenAsync();
        await using var explain = c.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + StoreReader.AccountsSql(prefix, Enum.Parse<StoreReader.AfterKind>(after));
        foreach (var name in new[] { "@Q", "@AfterName", "@AfterRowId", "@Limit" })
        {
            explain.Parameters.AddWithValue(name, name == "@Limit" ? 51 : "x");
        }

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.That(plan[0], Is.EqualTo(expected), string.Join("\n", plan));
        Assert.That(plan, Has.None.Contains("TEMP B-TREE"), "the index gives the order: no sort");
        Assert.That(plan, Has.Some.Contains("SEARCH c USING INDEX ix_conflicts_account"), "open conflicts are counted by account");
    }

    [Test]
    public async Task AccountsAsync_PagingByName_VisitsEveryAccountOnceWithNamelessOnesFirst()
    {
        var store = await OpenAsync();
        foreach (var (id, name) in new[] { ("A1", "beta"), ("A2", (string?)null), ("A3", "Alpha"), ("A4", "ALPHA"), ("A5", null), ("A6", "gamma") })
        {
            await store.UpsertAccountAsync(new AccountRecord(new AccountSnapshot { Id = id, Name = name }), Some.T0, Ct);
        }

        var reader = new StoreReader(DbPath);
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await reader.AccountsAsync(null, after, 2, Ct);
            seen.AddRange(page.Items.Select(a => a.Id));
            after = page.HasMore ? page.Items[^1].Id : null;
        }
        while (after is not null);

        Assert.That(seen, Is.EqualTo(new[] { "A2", "A5", "A3", "A4", "A1", "A6" }));
    }

    [Test]
    public async Task AccountsAsync_AQuery_FindsNamesStartingWithItInAnyCaseAndTheExactIdFirst()
    {
        var store = await OpenAsync();
        foreach (var (id, name) in new[] { ("AL1", "Alpine"), ("A2", "alps"), ("A3", "Palace"), ("A4", "Beta") })
        {
            await store.UpsertAccountAsync(Some.Account(id, name), Some.T0, Ct);
        }

        var reader = new StoreReader(DbPath);

        Assert.That((await reader.AccountsAsync("ALP", null, 50, Ct)).Items.Select(a => a.Name), Is.EqualTo(new[] { "Alpine", "alps" }));
        Assert.That((await reader.AccountsAsync("A4", null, 50, Ct)).Items.Select(a => a.Name), Is.EqualTo(new[] { "Beta" }));
        Assert.That((await reader.AccountsAsync("AL1", null, 50, Ct)).Items.Select(a => a.Id), Is.EqualTo(new[] { "AL1" }), "the id's account, once");
    }
}
