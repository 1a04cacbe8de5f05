using System.Net;
using System.Text.RegularExpressions;

namespace CrmStateSync.Tests.AdminConsole;

/// <summary>
/// Issue 15's accounts: search by a name's beginning (any case) or by id, paged by name; one account's page answering
/// why it is At-Risk, since when and who moved it; 404 for an unknown id; account names shown as text, never as markup.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed partial class AccountPagesTests
{
    [Test]
    public async Task Search_by_the_beginning_of_a_name_ignores_case_and_finds_no_name_that_only_contains_it()
    {
        await using var console = await ConsoleHarness.StartAsync(AccountSeed.With());
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var page = await client.GetStringAsync("/accounts?q=nORth");

        Assert.That(Names(page), Is.EqualTo(new[] { "NORTHERN Lights", AccountSeed.RiskName }), "name order, case ignored");
        Assert.That(page, Does.Not.Contain("Southnorth"));
        Assert.That(page, Does.Contain($"href=\"/accounts/{AccountSeed.RiskId}\""));
    }

    [Test]
    public async Task Search_by_an_exact_id_finds_the_account_whose_name_does_not_start_with_it()
    {
        await using var console = await ConsoleHarness.StartAsync(AccountSeed.With());
        using var client = await console.SignedInAsync();

        var page = await client.GetStringAsync("/accounts?q=" + AccountSeed.RiskId);

        Assert.That(Names(page), Is.EqualTo(new[] { AccountSeed.RiskName }));
        Assert.That(page, Does.Contain("At-Risk").And.Contain(AccountSeed.Divergence));
        Assert.That(Regex.Match(page, "<td class=\"n\">(\\d+)</td>").Groups[1].Value, Is.EqualTo("1"), "its one open conflict");
    }

    [Test]
    public async Task The_list_pages_by_name_fifty_at_a_time_until_every_account_was_shown_once()
    {
        await using var console = await ConsoleHarness.StartAsync(AccountSeed.With(filler: 120));
        using var client = await console.SignedInAsync();

        var seen = new List<string>();
        var pages = 0;
        for (var next = "/accounts"; next is not null; pages++)
        {
            var page = await client.GetStringAsync(next);
            seen.AddRange(Names(page));
            next = NextLink().Match(page) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        }

        Assert.That(pages, Is.EqualTo(3), "124 accounts, 50 a page");
        Assert.That(seen, Has.Count.EqualTo(124).And.Unique);
        Assert.That(seen, Is.Ordered.Using((IComparer<string>)StringComparer.OrdinalIgnoreCase));
        Assert.That(seen[0], Is.EqualTo("<script>alert(1)</script>"), "'<' sorts before letters");
        Assert.That(seen[50], Is.EqualTo("Filler 049"));
    }

    [Test]
    public async Task A_name_that_looks_like_markup_is_shown_as_text_in_the_results_and_on_its_page()
    {
        await using var console = await ConsoleHarness.StartAsync(AccountSeed.With());
        using var client = await console.SignedInAsync();

        var results = await client.GetStringAsync("/accounts?q=" + Uri.EscapeDataString("<script"));
        var page = await client.GetStringAsync("/accounts/" + AccountSeed.ScriptId);

        foreach (var html in new[] { results, page })
        {
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
            Assert.That(html, Does.Not.Contain("<script"));
        }
    }

    [Test]
    public async Task An_unknown_id_answers_404_with_a_page_that_says_so()
    {
        await using var console = await ConsoleHarness.StartAsync(AccountSeed.With());
        using var client = await console.SignedInAsync();

        using var answer = await client.GetAsync("/accounts/001NOPE");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await answer.Content.ReadAsStringAsync(), Does.Contain("The store holds no account with the id “001NOPE”"));
    }

    [Test]
    public async Task The_pages_and_their_api_need_a_session_and_carry_the_content_security_policy()
    {
        await using var console = await ConsoleHarness.StartAsync(AccountSeed.With());
        using var anonymous = console.Client();
        using var viewer = await console.SignedInAsync(ConsoleHarness.Viewer);

        foreach (var path in new[] { "/accounts", "/accounts/" + AccountSeed.RiskId, "/reports" })
        {
            using var refused = await anonymous.GetAsync(path);
            using var shown = await viewer.GetAsync(path);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), path);
            Assert.That(shown.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
            Assert.That(shown.Headers.GetValues("Content-Security-Policy").Single(), Is.EqualTo(CrmStateSync.AdminConsole.Security.SecurityHeaders.ContentSecurityPolicy), path);
        }

        foreach (var path in new[] { "/api/accounts", "/api/accounts/" + AccountSeed.RiskId })
        {
            using var refused = await anonymous.GetAsync(path);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), path);
        }
    }

    private static List<string> Names(string html) =>
        [.. ResultName().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<td><a href=\"/accounts/[^\"]+\">([^<]*)</a></td>")]
    private static partial Regex ResultName();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">")]
    private static partial Regex NextLink();
}
