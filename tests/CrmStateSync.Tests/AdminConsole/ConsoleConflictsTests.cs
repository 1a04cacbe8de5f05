using System.Net;
using CrmStateSync.Store;
using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Tests.AdminConsole;

/// <summary>
/// Issue 15's conflicts: the log filtered (open, field, account by id or name, detected on or after) and paged, newest
/// first; one conflict's page in words; account names (user input) rendered as text.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class ConsoleConflictsTests
{
    [TestCase("", new long[] { 5, 4, 3, 2, 1 }, TestName = "No filter: every conflict, newest first")]
    [TestCase("?open=true", new long[] { 5, 4, 1 }, TestName = "Open: only those left for an admin")]
    [TestCase("?field=stage", new long[] { 4, 3, 1 }, TestName = "Field: only that field's")]
    [TestCase("?account=acme+corp", new long[] { 2, 1 }, TestName = "Account by name, in any case")]
    [TestCase("?account=001XSS", new long[] { 4, 3 }, TestName = "Account by CRM id")]
    [TestCase("?since=2026-11-10", new long[] { 5, 4, 3 }, TestName = "Detected on or after the day")]
    [TestCase("?open=true&field=stage&since=2026-11-05", new long[] { 4 }, TestName = "The filters combine")]
    public async Task The_conflicts_list_filters(string query, long[] expected)
    {
        await using var console = await ConsoleHarness.StartAsync(SeedFiveAsync);
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var page = await client.GetStringAsync("/conflicts" + query);

        Assert.That(ConsoleSeed.ConflictIds(page), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_date_that_is_not_a_date_is_said_and_the_rest_of_the_filters_still_apply()
    {
        await using var console = await ConsoleHarness.StartAsync(SeedFiveAsync);
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var page = await client.GetStringAsync("/conflicts?open=true&since=next+tuesday");

        Assert.That(WebUtility.HtmlDecode(page), Does.Contain("<p class=\"error\" role=\"alert\">“next tuesday” is not a date (YYYY-MM-DD): the list is not filtered by date.</p>"));
        Assert.That(ConsoleSeed.ConflictIds(page), Is.EqualTo(new long[] { 5, 4, 1 }), "open only, as asked");
    }

    [Test]
    public async Task The_field_filter_offers_the_fields_present_and_keeps_the_choice()
    {
        await using var console = await ConsoleHarness.StartAsync(SeedFiveAsync);
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var page = await client.GetStringAsync("/conflicts?field=stage&open=true");

        Assert.That(page, Does.Contain("<option value=\"divergence\">divergence</option>")
            .And.Contain("<option value=\"stage\" selected=\"selected\">stage</option>")
            .And.Contain("<option value=\"state:goalClarity\">state:goalClarity</option>"));
        Assert.That(page, Does.Contain("name=\"open\" value=\"true\" checked=\"checked\""));
    }

    [Test]
    public async Task The_conflicts_list_pages_fifty_at_a_time_keeping_the_filters()
    {
        await using var console = await ConsoleHarness.StartAsync(async store =>
        {
            for (var i = 0; i < 55; i++)
            {
                await ConsoleSeed.ConflictAsync(store, ConsoleSeed.Acme, "stage", ConflictAction.Open, "2026-11-01");
            }

            await ConsoleSeed.ConflictAsync(store, ConsoleSeed.Acme, "divergence", ConflictAction.Open, "2026-11-02");
        });
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var first = await client.GetStringAsync("/conflicts?field=stage");
        var second = await client.GetStringAsync("/conflicts?field=stage&before=6");

        Assert.That(ConsoleSeed.ConflictIds(first), Is.EqualTo(Enumerable.Range(6, 50).Reverse().Select(i => (long)i)));
        Assert.That(first, Does.Contain("<a href=\"/conflicts?field=stage&amp;before=6\">Older →</a>"));
        Assert.That(ConsoleSeed.ConflictIds(second), Is.EqualTo(new long[] { 5, 4, 3, 2, 1 }));
        Assert.That(second, Does.Not.Contain("Older →"));
    }

    [Test]
    public async Task A_conflict_page_shows_both_values_the_rule_and_what_the_worker_did()
    {
        await using var console = await ConsoleHarness.StartAsync(SeedFiveAsync);
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var page = await client.GetStringAsync("/conflicts/2");
        using var missing = await client.GetAsync("/conflicts/99");

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("<th>Account</th><td><a href=\"/accounts/001ACME\">Acme Corp</a>"));
            Assert.That(page, Does.Contain("<th>Field</th><td>state:goalClarity</td>"));
            Assert.That(page, Does.Contain("<th>CRM value</th><td class=\"value\">Reset</td>").And.Contain("<th>Engine value</th><td class=\"value\">Hit</td>"));
            Assert.That(page, Does.Contain("<th>Detected on</th><td>2026-11-05</td>").And.Contain("<th>Rule</th><td>rule for state:goalClarity</td>"));
            Assert.That(page, Does.Contain("Reverted: the worker wrote the computed value back over the human edit"));
            Assert.That(page, Does.Contain("none needed: settled by the worker"));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task An_account_named_like_a_script_tag_is_rendered_as_text_in_the_list_and_on_the_conflict_pages()
    {
        await using var console = await ConsoleHarness.StartAsync(SeedFiveAsync);
        using var client = await console.SignedInAsync(ConsoleHarness.Admin);

        foreach (var path in new[] { "/conflicts", "/conflicts/4", "/conflicts/4/resolve?keep=crm", "/conflicts?account=%3Cscript%3Ealert(1)%3C%2Fscript%3E" })
        {
            var page = await client.GetStringAsync(path);
            Assert.That(page, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"), path);
            Assert.That(page, Does.Not.Contain("<script>"), path);
        }
    }

    [Test]
    public async Task The_conflicts_api_filters_as_the_page_does()
    {
        await using var console = await ConsoleHarness.StartAsync(SeedFiveAsync);
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var json = await client.GetStringAsync("/api/conflicts?open=true&field=stage");

        Assert.That(json, Does.StartWith("{\"items\":[{\"id\":4,").And.Contain("\"hasMore\":false"));
        Assert.That(json, Does.Contain("\"id\":1,").And.Not.Contain("\"id\":3,").And.Not.Contain("\"id\":5,"));
    }

    /// <summary>
    /// 1 Acme stage Open 11-01 · 2 Acme state:goalClarity Reverted 11-05 · 3 hostile stage Accepted 11-10 · 4 hostile
    /// stage Open 11-20 · 5 an account not in the cache, divergence Open 11-21.
    /// </summary>
    internal static async Task SeedFiveAsync(SqliteSyncStore store)
    {
        await ConsoleSeed.AccountAsync(store, ConsoleSeed.Acme, ConsoleSeed.AcmeName);
        await ConsoleSeed.AccountAsync(store, ConsoleSeed.Hostile, ConsoleSeed.HostileName);
        await ConsoleSeed.ConflictAsync(store, ConsoleSeed.Acme, "stage", ConflictAction.Open, "2026-11-01");
        await ConsoleSeed.ConflictAsync(store, ConsoleSeed.Acme, "state:goalClarity", ConflictAction.Reverted, "2026-11-05", "Reset", "Hit");
        await ConsoleSeed.ConflictAsync(store, ConsoleSeed.Hostile, "stage", ConflictAction.Accepted, "2026-11-10");
        await ConsoleSeed.ConflictAsync(store, ConsoleSeed.Hostile, "stage", ConflictAction.Open, "2026-11-20");
        await ConsoleSeed.ConflictAsync(store, "001GONE", "divergence", ConflictAction.Open, "2026-11-21");
    }
}
