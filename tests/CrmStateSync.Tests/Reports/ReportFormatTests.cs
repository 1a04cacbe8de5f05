using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace CrmStateSync.Tests.Reports;

/// <summary>Each format through the command line, on the known history (<see cref="ReportHistory"/>).</summary>
public class ReportFormatTests : ReportTestBase
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Test]
    public void DivergenceCsv_NameWithQuotesAndComma_ParsesBack()
    {
        var run = Report("divergence", "--database", Database, "--format", "csv");
        var rows = Rfc4180.Parse(run.Output);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(rows[0], Is.EqualTo(new[] { "rank", "account", "name", "segment", "stage", "kind", "states_not_hit", "states_reset", "renewal_on", "renewal_in_days", "divergence" }));
            Assert.That(rows.Skip(1).Select(r => r[1]), Is.EqualTo(new[] { "A2", "A5", "A1", "A3" }));
            Assert.That(rows[3][2], Is.EqualTo(ReportHistory.Tricky));
            Assert.That(rows[3].Skip(8).Take(2), Is.EqualTo(new[] { "2026-08-01", "32" }));
        });
    }

    [Test]
    public void DistributionCsv_SectionsInOneTable()
    {
        var rows = Rfc4180.Parse(Report("distribution", "--database", Database, "--format", "csv").Output);

        Assert.Multiple(() =>
        {
            Assert.That(rows.Skip(1).Select(r => r[0]).Distinct(), Is.EqualTo(new[] { "stage", "no_stage", "manual_last_90_days", "manual_all_time", "stuck" }));
            Assert.That(rows.Single(r => r[0] == "stage" && r[1] == "Onboarding").Skip(5).Take(2), Is.EqualTo(new[] { "1", "0.2" }));
            Assert.That(rows.Single(r => r[0] == "manual_last_90_days")[^1], Is.EqualTo("true"));
            Assert.That(rows.Where(r => r[0] == "stuck").Select(r => (r[2], r[8])), Is.EqualTo(new[] { ("A3", "145"), ("A2", "100") }));
        });
    }

    [Test]
    public void VelocityJson_CamelCaseWithStableShape()
    {
        var json = Report("velocity", "--database", Database, "--format", "json").Json();
        var velocity = json.GetProperty("velocity");
        var newCustomer = velocity.GetProperty("timeInStage").EnumerateArray().First(r => r.GetProperty("stage").GetString() == "New Customer");
        var enterpriseTtv = velocity.GetProperty("timeToValue").EnumerateArray().Single(r => r.GetProperty("segment").GetString() == "Enterprise");

        Assert.Multiple(() =>
        {
            Assert.That((json.GetProperty("orgId").GetString(), json.GetProperty("asOf").GetString()), Is.EqualTo((ReportHistory.OrgId, "2026-06-30")));
            Assert.That(newCustomer.GetProperty("completed").GetProperty("median").GetDouble(), Is.EqualTo(15));
            Assert.That(newCustomer.GetProperty("completed").GetProperty("p75").GetDouble(), Is.EqualTo(22.5));
            Assert.That(newCustomer.GetProperty("openStays").GetInt32(), Is.EqualTo(1));
            Assert.That(velocity.GetProperty("openStaysIncluded").GetBoolean(), Is.False);
            Assert.That(enterpriseTtv.GetProperty("days").GetProperty("median").ValueKind, Is.EqualTo(JsonValueKind.Null), "present, null: the shape does not change");
            Assert.That(json.TryGetProperty("distribution", out _), Is.False);
        });
    }

    [Test]
    public void AllJson_EveryReport()
    {
        var json = Report("all", "--database", Database, "--format", "json").Json();

        Assert.Multiple(() =>
        {
            Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "orgId", "provider", "asOf", "velocity", "distribution", "divergence", "runs", "conflicts" }));
            Assert.That(json.GetProperty("runs").GetProperty("all").GetProperty("apiCalls").GetInt64(), Is.EqualTo(10));
            Assert.That(json.GetProperty("distribution").GetProperty("stuck")[0].GetProperty("accountId").GetString(), Is.EqualTo("A3"));
        });
    }

    [Test]
    public void AllHtml_WellFormedSelfContainedWithTheThreeCharts()
    {
        var page = Html(Report("all", "--database", Database, "--format", "html"));
        var charts = page.Descendants(Svg + "svg").ToDictionary(s => (string)s.Attribute("id")!, s => s.Element(Svg + "title")!.Value);

        Assert.Multiple(() =>
        {
            Assert.That(charts.Keys, Is.EquivalentTo(new[] { "chart-funnel", "chart-time-in-stage", "chart-time-to-value" }));
            Assert.That(charts["chart-funnel"], Does.StartWith("Stage funnel"));
            Assert.That(charts["chart-time-in-stage"], Does.StartWith("Time in stage"));
            Assert.That(charts["chart-time-to-value"], Does.StartWith("Time to value"));
            Assert.That(page.Descendants().Where(e => e.Name.LocalName is "script" or "link" or "img" or "iframe"), Is.Empty);
            Assert.That(page.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href" || a.Value.Contains("url(", StringComparison.Ordinal)), Is.Empty);
            Assert.That(page.Descendants().Single(e => e.Name.LocalName == "style").Value, Does.Not.Contain("http").And.Not.Contain("@import"));
            Assert.That(page.Descendants().Where(e => e.Name.LocalName == "section").Select(e => (string)e.Attribute("id")!), Is.EqualTo(new[] { "distribution", "velocity", "divergence", "conflicts", "runs" }));
        });
    }

    [Test]
    public void AllHtml_EveryChart_InAFigureWithAVisibleTextLegend()
    {
        var page = Html(Report("all", "--database", Database, "--format", "html"));
        var figures = page.Descendants().Where(e => e.Name.LocalName == "figure").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(figures.Select(f => (string?)f.Descendants(Svg + "svg").Single().Attribute("id")), Is.EqualTo(new[] { "chart-funnel", "chart-time-in-stage", "chart-time-to-value" }));
            Assert.That(figures.Select(f => f.Elements().Single(e => e.Name.LocalName == "figcaption").Value), Has.All.Length.GreaterThan(30));
            Assert.That(page.Descendants(Svg + "text").Select(t => t.Value), Has.None.Contains("median 0.0, p75 0.0 days (n 0)"));
        });
    }

    [Test]
    public void DivergenceHtml_AccountName_EscapedAndReadBackAsText()
    {
        var run = Report("divergence", "--database", Database, "--format", "html");
        var cells = Html(run).Descendants().Where(e => e.Name.LocalName == "td").Select(e => e.Value);

        Assert.Multiple(() =>
        {
            Assert.That(cells, Has.Member(ReportHistory.Tricky));
            Assert.That(run.Output, Does.Contain("Acme &lt;b&gt; &amp; \"Co\", Ltd"));
            Assert.That(run.Output, Does.Not.Contain("<b>"));
        });
    }

    [Test]
    public void Output_File_WritesTheReportThereAndSaysWhere()
    {
        var file = Path.Combine(Folder, "out", "report.html");
        var run = Report("all", "--database", Database, "--format", "html", "--output", file);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
            Assert.That(run.Output.Trim(), Is.EqualTo($"wrote {file}"));
            Assert.That(File.ReadAllText(file), Does.StartWith("<!DOCTYPE html>"));
        });
    }

    /// <summary>Loads the page as XML (the doctype is the only DTD content, and it is ignored).</summary>
    internal static XDocument Html(TestSupport.CommandRun run)
    {
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        using var reader = XmlReader.Create(new StringReader(run.Output), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }
}
