using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CrmStateSync.Tests.AdminConsole;

/// <summary>
/// The account page answers "why is this account At-Risk, since when, and who changed it?" from the store alone: the
/// values the CRM shows with their labels, the transitions with the manual one tagged, and everything recorded about it.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed partial class AccountWhyTests
{
    [Test]
    public async Task The_page_shows_the_stage_since_when_and_the_values_the_crm_holds_by_their_names()
    {
        await using var console = await ConsoleHarness.StartAsync(AccountSeed.With());
        using var client = await console.SignedInAsync(ConsoleHarness.Viewer);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/accounts/" + AccountSeed.RiskId));

        Assert.That(page, Does.Contain("<p class=\"big\">At-Risk</p><p>since 2026-10-02</p>"));
        Assert.That(page, Does.Contain($"<tr><th>Stage reason</th><td>{AccountSeed.StageReason}</td></tr>"));
        Assert.That(page, Does.Contain(AccountSeed.Divergence));
        foreach (var (stage, on) in new[] { ("New Customer", "2026-01-05"), ("Onboarding", "2026-01-20"), ("At-Risk", "2026-10-02") })
        {
            Assert.That(page, Does.Contain($"<tr><th>{stage} entry date</th><td>{on}</td></tr>"));
        }

        Assert.That(StateRows().Matches(page).Select(m => $"{m.Groups[1].Value}={m.Groups[2].Value}@{m.Groups[3].Value}"), Is.EqualTo(new[]
        {
            "Goal Clarity=Hit@2026-11-10", "Configured for Goals=Hit@2026-11-11", "Value-Action Adoption=Slipping@2026-11-12",
            "Multi-Stakeholder Engagement=Reset@2026-11-13", "Outcome Attribution=Slipping@2026-11-14", "Daily-Work Integration=Hit@2026-11-15",
        }));
        Assert.That(page, Does.Contain("<tr><th>Milestones completed</th><td>2</td></tr>").And.Contain("<tr><th>Next milestone</th><td>first_report</td></tr>")
            .And.Contain("<tr><th>Milestone stalled since</th><td>2026-09-01</td></tr>").And.Contain("<tr><th>Milestone first_project completed on</th><td>2026-02-01</td></tr>"));
    }

    [Test]
    public async Task Each_state_says_why_as_the_rules_evaluate_the_cached_inputs_today_and_when_they_now_differ_from_the_crm()
    {
        await using var console = await ConsoleHarness.StartAsync(AccountSeed.With());
        using var client = await console.SignedInAsync();
        var today = DateOnly.FromDateTime(console.Site.Clock.GetUtcNow().UtcDateTime);
        Rules.States.StateOutcome[] expected;
        await using (var store = await Store.SqliteSyncStore.OpenReadOnlyAsync(console.StorePath))
        {
            expected = [.. Rules.Evaluation.RulesEngine.Default.Evaluate((await store.LoadSnapshotAsync(AccountSeed.RiskId, default))!, today).States];
        }

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/accounts/" + AccountSeed.RiskId));
        var rows = StateRows().Matches(page).ToList();

        Assert.That(rows, Has.Count.EqualTo(6));
        for (var i = 0; i < 6; i++)
        {
            var crm = rows[i].Groups[2].Value;
            var why = expected[i].Reason.ToString() + (expected[i].Value.ToString() == crm ? "" : $" (the rules now compute {expected[i].Value})");
            Assert.That(expected[i].Reason.ToString(), Is.Not.Empty);
            Assert.That(rows[i].Groups[4].Value, Is.EqualTo(why), rows[i].Groups[1].Value);
        }
    }

    [Test]
    public async Task The_timeline_shows_the_manual_move_first_tagged_manual_with_its_reason_then_the_earlier_ones()
    {
        await using var console = await ConsoleHarness.StartAsync(AccountSeed.With());
        using var client = await console.SignedInAsync();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/accounts/" + AccountSeed.RiskId));
        var items = TimelineItems().Matches(page).Select(m => (On: m.Groups[1].Value, Tag: m.Groups[2].Value, Source: m.Groups[3].Value, To: m.Groups[4].Value, Reason: m.Groups[5].Value)).ToList();

        Assert.That(items.Select(i => $"{i.On} {i.Source} {i.To}"), Is.EqualTo(new[] { "2026-10-02 manual At-Risk", "2026-01-20 automated Onboarding", "2026-01-05 backfill New Customer" }));
        Assert.That(items[0].Tag, Is.EqualTo("tag manual"));
        Assert.That(items[0].Reason, Is.EqualTo(AccountSeed.ManualReason));
        Assert.That(items[2].Tag, Is.EqualTo("tag backfill"));
    }

    [Test]
    public async Task The_page_lists_the_accounts_conflicts_open_and_closed_problems_tasks_and_last_writes()
    {
        await using var console = await ConsoleHarness.StartAsync(AccountSeed.With());
        await AccountSeed.CloseSegmentProblemAsync(console.StorePath);
        using var client = await console.SignedInAsync();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/accounts/" + AccountSeed.RiskId));

        Assert.That(page, Does.Contain("<td><a href=\"/conflicts/1\">#1</a></td><td>2026-10-03</td><td>Lifecycle stage</td><td>At-Risk</td><td>Onboarding</td>"));
        Assert.That(page, Does.Match("(?s)<td>open</td><td><a href=\"/runs/1\">#1</a></td>(?:(?!</tr>).)*" + Regex.Escape(AccountSeed.OpenProblemMessage)));
        Assert.That(page, Does.Match("(?s)<td>closed 2026-11-20 00:00:00</td>(?:(?!</tr>).)*" + Regex.Escape(AccountSeed.ClosedProblemMessage)));
        Assert.That(page, Does.Contain($"<tr><td>OutcomeReview</td><td>Open</td><td>{AccountSeed.TaskReason}</td><td>2026-12-01</td><td>{AccountSeed.TaskId}</td>"));
        Assert.That(page, Does.Contain("<tr><td>Outcome Attribution</td><td>Slipping</td>").And.Contain($"<tr><td>Divergence</td><td>{AccountSeed.Divergence}</td>"));
    }

    [Test]
    public async Task The_crm_link_is_the_hubspot_company_address_opened_without_a_referrer()
    {
        await using var hubspot = await ConsoleHarness.StartAsync(AccountSeed.With(), provider: "hubspot");
        await using var salesforce = await ConsoleHarness.StartAsync(AccountSeed.With());
        using var toHubspot = await hubspot.SignedInAsync();
        using var toSalesforce = await salesforce.SignedInAsync();

        var withLink = await toHubspot.GetStringAsync("/accounts/" + AccountSeed.RiskId);
        var withoutLink = await toSalesforce.GetStringAsync("/accounts/" + AccountSeed.RiskId);

        Assert.That(withLink, Does.Contain($"<a href=\"https://app.hubspot.com/contacts/{ConsoleHarness.OrgId}/company/{AccountSeed.RiskId}\" rel=\"noopener noreferrer\""));
        Assert.That(withoutLink, Does.Not.Contain("Open in the CRM"), "no record address is known for Salesforce without Worker:Console:RecordUrl");
    }

    [Test]
    public async Task The_api_searches_and_pages_like_the_list_and_answers_one_account_or_404()
    {
        await using var console = await ConsoleHarness.StartAsync(AccountSeed.With(filler: 60));
        using var client = await console.SignedInAsync();

        using var first = JsonDocument.Parse(await client.GetStringAsync("/api/accounts?q=filler"));
        var lastId = first.RootElement.GetProperty("items")[49].GetProperty("id").GetString();
        using var second = JsonDocument.Parse(await client.GetStringAsync("/api/accounts?q=filler&after=" + lastId));
        using var one = JsonDocument.Parse(await client.GetStringAsync("/api/accounts/" + AccountSeed.RiskId));
        using var unknown = await client.GetAsync("/api/accounts/001NOPE");

        Assert.That(first.RootElement.GetProperty("items").GetArrayLength(), Is.EqualTo(50));
        Assert.That(first.RootElement.GetProperty("hasMore").GetBoolean(), Is.True);
        Assert.That(lastId, Is.EqualTo("F049"));
        Assert.That(second.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("name").GetString()), Is.EqualTo(Enumerable.Range(50, 10).Select(i => $"Filler {i:000}")));
        Assert.That(second.RootElement.GetProperty("hasMore").GetBoolean(), Is.False);
        Assert.That(one.RootElement.GetProperty("managedText").GetProperty("stage").GetString(), Is.EqualTo("At-Risk"));
        Assert.That(one.RootElement.GetProperty("transitions")[0].GetProperty("source").GetString(), Is.EqualTo("Manual"));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [GeneratedRegex("<tr><td>([^<]+)</td><td><span class=\"state [a-z]*\">([^<]+)</span></td><td>([^<]*)</td><td>([^<]*)</td></tr>")]
    private static partial Regex StateRows();

    [GeneratedRegex("<li>\\s*<strong>([^<]+)</strong>\\s*<span class=\"([^\"]+)\">([^<]+)</span>\\s*[^<]*<strong>([^<]+)</strong>\\s*<div class=\"reason\">([^<]*)</div>")]
    private static partial Regex TimelineItems();
}
