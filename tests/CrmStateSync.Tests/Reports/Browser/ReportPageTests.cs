using System.Text.Json;
using System.Text.RegularExpressions;
using CrmStateSync.Tests.TestSupport;
using CrmStateSync.Tests.TestSupport.Browser;
using Microsoft.Playwright;

namespace CrmStateSync.Tests.Reports.Browser;

/// <summary>
/// Issue 13, item 9: the HTML report as a reader sees it, in headless Chromium — nothing drawn outside its chart,
/// legends as visible text, no "median 0.0" for a stage nobody left, an honest histogram, the conflict log, and an
/// empty store explained section by section (<see cref="ReportPages"/> makes the pages).
/// </summary>
public partial class ReportPageTests : BrowserTest
{
    private ReportPages _pages = null!;

    [OneTimeSetUp]
    public async Task MakePagesAsync() => _pages = await ReportPages.MakeAsync();

    [OneTimeTearDown]
    public void DeletePages() => _pages?.Dispose();

    [Test]
    public async Task Report_EveryChartText_InsideItsChart()
    {
        var page = await OpenAsync(_pages.Full);
        await ScreenshotAsync(page, "report-full");
        foreach (var chart in new[] { "chart-funnel", "chart-time-in-stage", "chart-time-to-value" })
        {
            await ScreenshotAsync(page.Locator($"#figure-{chart}"), "report-" + chart);
        }

        var texts = await EvalAsync<ChartText[]>(page, Scripts.ChartTexts);

        Assert.Multiple(() =>
        {
            Assert.That(texts.Select(t => t.Chart).Distinct(), Is.EquivalentTo(new[] { "chart-funnel", "chart-time-in-stage", "chart-time-to-value" }));
            Assert.That(texts.Where(t => t.Width <= 0 || t.Height <= 0), Is.Empty, "every text is drawn");
            Assert.That(texts.Where(t => !t.Inside).Select(t => $"{t.Chart}: '{t.Text}'"), Is.Empty, "no text crosses its chart's edge");
            Assert.That(texts.Where(t => t.Chart == "chart-time-in-stage").Select(t => t.Text), Has.Some.StartsWith("Executive Business Review"), "the long stage is drawn");
            Assert.That(texts.Single(t => t.Text.StartsWith("Executive Business Review", StringComparison.Ordinal) && t.Chart == "chart-time-in-stage").Text, Does.EndWith("…"), "shortened to fit");
        });
    }

    [Test]
    public async Task Report_EveryChart_HasAVisibleTextLegend()
    {
        var page = await OpenAsync(_pages.Full);

        var legends = await EvalAsync<Legend[]>(page, Scripts.Legends);

        Assert.Multiple(() =>
        {
            Assert.That(legends.Select(l => l.Chart), Is.EquivalentTo(new[] { "chart-funnel", "chart-time-in-stage", "chart-time-to-value" }));
            foreach (var legend in legends)
            {
                Assert.That(legend.Visible && legend.Width > 0 && legend.Height > 0, Is.True, $"{legend.Chart}: legend shown");
                Assert.That(legend.Keys, Is.GreaterThan(0), $"{legend.Chart}: at least one key");
                Assert.That(legend.Text, Has.Length.GreaterThan(20), $"{legend.Chart}: says what the colours mean");
            }
        });
    }

    [Test]
    public async Task Report_StageWithNoCompletedStay_SaysSoInsteadOfAMedian()
    {
        var page = await OpenAsync(_pages.Full);

        var row = await EvalAsync<StageRow>(page, Scripts.StageRow, "Executive Business Review");
        var cells = await page.Locator("#table-time-in-stage tr", new() { HasText = ReportPages.LongStage }).First.Locator("td").AllInnerTextsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(row.Value, Does.StartWith("no completed stays").And.Contain("1 open"));
            Assert.That(row.Bars, Is.Zero, "no bar for a stay nobody completed");
            Assert.That(cells[3], Is.EqualTo("no completed stays"));
            Assert.That(cells, Has.None.EqualTo("0.0"));
        });
    }

    [Test]
    public async Task Report_TimeToValueHistogram_EqualBucketsAndAxisTitles()
    {
        var page = await OpenAsync(_pages.Full);

        var histogram = await EvalAsync<Histogram>(page, Scripts.Histogram);
        var ranges = histogram.Ticks.Select(t => Regex.Match(t, @"^(\d+)–(\d+)$")).Select(m => (From: int.Parse(m.Groups[1].Value), To: int.Parse(m.Groups[2].Value))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(histogram.BarWidths.Select(w => Math.Round(w, 2)).Distinct().Count(), Is.EqualTo(1), "every column equally wide");
            Assert.That(ranges.Select(r => r.To - r.From).Distinct().Count(), Is.EqualTo(1), "every bucket as many days wide");
            Assert.That(ranges.Zip(ranges.Skip(1)).All(p => p.Second.From == p.First.To + 1), Is.True, "buckets follow each other");
            Assert.That(ranges[0].From, Is.Zero);
            Assert.That(histogram.AxisTitles, Has.Length.EqualTo(2));
            Assert.That(histogram.AxisTitles, Has.Some.StartsWith("days to value").And.Some.EqualTo("accounts"));
            Assert.That(histogram.AxisTitleSizes, Is.All.GreaterThan(0));
        });
    }

    [Test]
    public async Task Report_ConflictLog_CountsAgreeWithConflictsList()
    {
        var page = await OpenAsync(_pages.Full);
        var all = Conflicts("list");
        var open = Conflicts("list", "--open");

        var byAction = await Table(page, "#table-conflicts-by-action");
        var byField = await Table(page, "#table-conflicts-open-by-field");
        var names = await page.Locator("#table-conflicts-recent td:nth-child(4)").AllInnerTextsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(byAction.Sum(r => int.Parse(r[1])), Is.EqualTo(all.Count));
            Assert.That(byAction.Single(r => r[0] == "Open")[1], Is.EqualTo(all.Count(c => c.Action == "Open").ToString()));
            Assert.That(byField.ToDictionary(r => r[0], r => int.Parse(r[1])), Is.EquivalentTo(open.GroupBy(c => c.Field).ToDictionary(g => g.Key, g => g.Count())));
            Assert.That(page.Locator("#conflicts p.note").InnerTextAsync().Result, Does.Contain($"{all.Count} conflicts logged").And.Contain($"{open.Count} open"));
            Assert.That(names, Has.All.EqualTo(ReportPages.HtmlName), "the name is shown as text, not markup");
            Assert.That(page.Locator("script").CountAsync().Result, Is.Zero, "no markup from the CRM became an element");
        });
    }

    [Test]
    public async Task EmptyStore_EverySection_ExplainsWhyItIsEmpty()
    {
        var page = await OpenAsync(_pages.Empty);
        await ScreenshotAsync(page, "report-empty-store");

        var sections = await EvalAsync<Section[]>(page, Scripts.Sections);

        Assert.Multiple(() =>
        {
            Assert.That(sections.Select(s => s.Id), Is.EqualTo(new[] { "distribution", "velocity", "divergence", "conflicts", "runs" }));
            foreach (var section in sections)
            {
                Assert.That(section.Explanations, Has.Some.Length.GreaterThan(30), $"{section.Id}: a sentence says why it is empty");
                Assert.That(section.Blank, Is.Empty, $"{section.Id}: no blank block");
            }

            Assert.That(page.Locator("svg").CountAsync().Result, Is.Zero, "no empty chart");
        });
    }

    /// <summary>Runs a page script and reads its result as <typeparamref name="T"/> (property names as the script spells them).</summary>
    private static async Task<T> EvalAsync<T>(IPage page, string script, object? arg = null) =>
        (await page.EvaluateAsync<JsonElement>(script, arg)).Deserialize<T>() ?? throw new AssertionException($"the page script returned null: {script}");

    private List<(string Action, string Field)> Conflicts(params string[] args)
    {
        var run = CommandRun.Of([.. args.Prepend("conflicts"), "--format", "json", "--config", _pages.Config]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        return [.. run.Json().GetProperty("conflicts").EnumerateArray().Select(c => (c.GetProperty("action").ToString(), c.GetProperty("field").GetString()!))];
    }

    private static async Task<List<string[]>> Table(IPage page, string selector)
    {
        var rows = page.Locator($"{selector} tbody tr");
        var result = new List<string[]>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            result.Add([.. await rows.Nth(i).Locator("td").AllInnerTextsAsync()]);
        }

        return result;
    }
}
