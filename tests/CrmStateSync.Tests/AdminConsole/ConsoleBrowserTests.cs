using CrmStateSync.Tests.EndToEnd;
using CrmStateSync.Tests.TestSupport.Browser;
using Microsoft.Playwright;

namespace CrmStateSync.Tests.AdminConsole;

/// <summary>
/// Issue 15's "done when", in headless Chromium over a store real cycles wrote (<see cref="ConsoleScenario"/>): an admin
/// who has never seen the CLI signs in, sees what waits on the overview, finds which record the last run could not use
/// and why, finds why an account is At-Risk, and resolves a conflict that the next cycle applies. Every page is saved as a
/// screenshot (test attachments; the README shows the main ones).
/// </summary>
public sealed class ConsoleBrowserTests : BrowserTest
{
    private SyncScenario _scenario = null!;
    private ConsoleHarness _console = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _scenario = await ConsoleScenario.StartAsync();
        _console = await ConsoleScenario.ServeAsync(_scenario);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _console.DisposeAsync();
        await _scenario.DisposeAsync();
    }

    [Test]
    public async Task An_admin_signs_in_and_the_overview_shows_what_waits()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url("/"));
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/signin"), "no session: the sign-in page");
        await ScreenshotAsync(page, "console-signin");

        await SignInAsync(page, ConsoleHarness.Admin, ConsoleHarness.AdminPassword);
        await ScreenshotAsync(page, "console-overview");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("Overview"));
            Assert.That(await Card(page, "Open conflicts").InnerTextAsync(), Does.Contain("1"));
            Assert.That(await Card(page, "Last cycle").InnerTextAsync(), Does.Contain("partial"));
            Assert.That(await page.Locator("header .who").InnerTextAsync(), Is.EqualTo("ada (admin)"));
        }
    }

    [Test]
    public async Task A_wrong_password_keeps_the_admin_on_the_sign_in_page_with_a_message()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url("/signin"));

        await SignInAsync(page, ConsoleHarness.Admin, "not-my-password-99");

        Assert.That(await page.Locator("[role=alert]").InnerTextAsync(), Is.EqualTo("The user name or the password is wrong."));
    }

    [Test]
    public async Task An_admin_finds_the_open_conflict_resolves_it_after_confirming_and_the_next_cycle_applies_it()
    {
        // Its own scenario: resolving changes the store the other tests read.
        await using var s = await ConsoleScenario.StartAsync();
        await using var console = await ConsoleScenario.ServeAsync(s);
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(console.BaseAddress, "/signin").AbsoluteUri);
        await SignInAsync(page, ConsoleHarness.Admin, ConsoleHarness.AdminPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Conflicts", Exact = true }).ClickAsync();
        await page.GetByLabel("Open only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await ScreenshotAsync(page, "console-conflicts");
        var rows = page.Locator("table.list tbody tr");
        Assert.That(await rows.CountAsync(), Is.EqualTo(1), "one conflict is open");
        Assert.That(await rows.First.InnerTextAsync(), Does.Contain(ConsoleScenario.Conflicted).And.Contain(ConsoleScenario.ConflictField));
        await rows.First.Locator("a").First.ClickAsync();
        await ScreenshotAsync(page, "console-conflict");
        Assert.That(await Fact(page, "CRM value").InnerTextAsync(), Is.EqualTo("Reset"), "the human's value");
        Assert.That(await Fact(page, "Engine value").InnerTextAsync(), Is.EqualTo("Hit"), "the computed value");

        await page.GetByRole(AriaRole.Button, new() { Name = "Keep the engine value" }).ClickAsync();
        await ScreenshotAsync(page, "console-resolve-confirm");
        Assert.That(await page.Locator("section.confirm").InnerTextAsync(), Does.Contain("resolved by ada"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm: keep the engine value" }).ClickAsync();
        var resolved = await Fact(page, "Resolution").InnerTextAsync();
        var cycle = await s.CycleAsync();
        await page.ReloadAsync();
        var applied = await Fact(page, "Resolution").InnerTextAsync();
        await ScreenshotAsync(page, "console-conflict-resolved");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(resolved, Does.Contain("kept the engine value").And.Contain("by ada").And.Contain("applied on the next cycle"));
            Assert.That(cycle.Summary.Written, Is.EqualTo(1), cycle.Summary.ToString());
            Assert.That(s.Value(ConsoleScenario.Conflicted, ConsoleScenario.ConflictField), Is.EqualTo("Hit"), "the CRM now holds the engine's value");
            Assert.That(applied, Does.Match(@"applied at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d"));
        }
    }

    [Test]
    public async Task A_viewer_sees_the_conflict_but_no_way_to_resolve_it()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url("/signin"));
        await SignInAsync(page, ConsoleHarness.Viewer, ConsoleHarness.ViewerPassword);

        await page.GotoAsync(Url("/conflicts?open=true"));
        await page.Locator("table.list tbody tr a").First.ClickAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await page.Locator("h1").InnerTextAsync(), Does.StartWith("Conflict #"));
            Assert.That(await page.GetByRole(AriaRole.Button, new() { Name = "Keep the engine value" }).CountAsync(), Is.Zero);
            Assert.That(await page.Locator("header .who").InnerTextAsync(), Is.EqualTo("vic (viewer)"));
        }
    }

    [Test]
    public async Task The_last_run_shows_the_record_it_kept_aside_and_why_and_links_to_its_account()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url("/signin"));
        await SignInAsync(page, ConsoleHarness.Admin, ConsoleHarness.AdminPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Runs", Exact = true }).ClickAsync();
        await ScreenshotAsync(page, "console-runs");
        await page.GetByRole(AriaRole.Link, new() { Name = "#2", Exact = true }).ClickAsync();
        await ScreenshotAsync(page, "console-run");
        var problem = page.Locator("table.problems tbody tr");
        var text = await problem.InnerTextAsync();
        await problem.Locator("a").First.ClickAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("Account").And.Contain("next tuesday"), "the value the worker could not read");
            Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/accounts/" + _scenario.IdOf(ConsoleScenario.KeptAside)));
        }
    }

    [Test]
    public async Task An_admin_finds_why_an_account_is_at_risk_since_when_and_who_moved_it()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url("/signin"));
        await SignInAsync(page, ConsoleHarness.Admin, ConsoleHarness.AdminPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true }).ClickAsync();
        await page.GetByLabel("Name starts with, or id").FillAsync("atl");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await ScreenshotAsync(page, "console-accounts");
        await page.GetByRole(AriaRole.Link, new() { Name = ConsoleScenario.AtRisk }).ClickAsync();
        await ScreenshotAsync(page, "console-account");
        var stage = await Card(page, "Stage").InnerTextAsync();
        var why = await page.Locator("table.facts").First.InnerTextAsync();
        var latest = await page.Locator("ol.timeline li").First.InnerTextAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stage, Does.Contain("At-Risk").And.Contain("since 2026-06-01"));
            Assert.That(why, Does.Contain("At-Risk since 2026-06-01: moved by hand: Budget freeze"), "the stage's reason, as the worker wrote it");
            Assert.That(latest, Does.Contain("2026-06-01").And.Contain("manual").And.Contain("Healthy → At-Risk"), "a person moved it");
            Assert.That(await page.Locator("table.list").First.InnerTextAsync(), Does.Contain("Goal Clarity"), "the six states, each with its reason");
        }
    }

    [Test]
    public async Task The_reports_page_draws_the_three_reports_with_their_charts()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Url("/signin"));
        await SignInAsync(page, ConsoleHarness.Admin, ConsoleHarness.AdminPassword);
        var blocked = new List<string>();
        page.Console += (_, message) => blocked.Add(message.Text);

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports", Exact = true }).ClickAsync();
        await ScreenshotAsync(page, "console-reports");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await page.Locator("svg").CountAsync(), Is.GreaterThanOrEqualTo(3), "the charts of report --format html");
            Assert.That(await page.Locator("main").InnerTextAsync(), Does.Contain("run #2 · computed"));
            Assert.That(blocked.Where(m => m.Contains("Content Security Policy", StringComparison.Ordinal)), Is.Empty, "nothing the policy had to block");
        }
    }

    private static ILocator Fact(IPage page, string name) =>
        page.Locator("table.facts tr").Filter(new() { Has = page.Locator("th", new() { HasTextString = name }) }).Locator("td");

    private async Task<IPage> NewPageAsync() =>
        await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

    private string Url(string path) => new Uri(_console.BaseAddress, path).AbsoluteUri;

    private static async Task SignInAsync(IPage page, string user, string password)
    {
        if (new Uri(page.Url).AbsolutePath != "/signin")
        {
            await page.GotoAsync(new Uri(new Uri(page.Url), "/signin").AbsoluteUri);
        }

        await page.GetByLabel("User").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        // Wait for the form's answer itself: a load-state wait right after the click can see the page it is leaving.
        var answered = page.WaitForResponseAsync(r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/signin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await answered;
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static ILocator Card(IPage page, string title) => page.Locator(".card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });
}
