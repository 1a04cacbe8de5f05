using Microsoft.Playwright;

namespace CrmStateSync.Tests.TestSupport.Browser;

/// <summary>
/// A fixture with the system's Chromium, headless, launched once for all its tests (<see cref="SystemChromium"/>
/// installs it first when absent). Pages open local files only; full-page screenshots become test attachments.
/// </summary>
[NonParallelizable]
public abstract class BrowserTest
{
    private IPlaywright? _playwright;

    protected IBrowser Browser { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowserAsync()
    {
        SystemChromium.EnsureInstalled();
        // Playwright's own browser builds are never fetched: the system's Chromium is the browser.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = SystemChromium.ExecutablePath, Headless = true });
    }

    [OneTimeTearDown]
    public async Task CloseBrowserAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A new page at a desktop width showing the local file.</summary>
    protected async Task<IPage> OpenAsync(string file)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        return page;
    }

    /// <summary>Saves a full-page screenshot under the test output and attaches it to the test; returns its path.</summary>
    protected static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = ScreenshotPath(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, $"full page: {name}");
        return path;
    }

    /// <summary>Saves a screenshot of one element (a chart, a section) and attaches it; returns its path.</summary>
    protected static async Task<string> ScreenshotAsync(ILocator element, string name)
    {
        ArgumentNullException.ThrowIfNull(element);
        var path = ScreenshotPath(name);
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        TestContext.AddTestAttachment(path, name);
        return path;
    }

    private static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }
}
