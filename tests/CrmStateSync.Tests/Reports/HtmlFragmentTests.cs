using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmStateSync.Reports;
using CrmStateSync.Reports.Rendering;

namespace CrmStateSync.Tests.Reports;

/// <summary>
/// The HTML fragment the admin console shows: the document's sections and charts, without its page and its inline
/// stylesheet, well-formed and escaped like the document.
/// </summary>
public sealed partial class HtmlFragmentTests : ReportTestBase
{
    [Test]
    public void WriteFragment_TheDocumentsSectionsAndCharts_WithoutAnyInlineStyleAndEscaped()
    {
        var set = new ReportSet(ReportHistory.OrgId, "salesforce", ReportHistory.AsOf,
            VelocityCalculator.Compute(Input), DistributionCalculator.Compute(Input), DivergenceCalculator.Compute(Input));
        using var document = new StringWriter();
        using var fragment = new StringWriter();

        HtmlRenderer.Write(document, set);
        HtmlRenderer.WriteFragment(fragment, set);

        var html = fragment.ToString();
        Assert.That(Ids(html), Is.EqualTo(Ids(document.ToString())).And.Contains("chart-funnel").And.Contains("chart-time-to-value"));
        Assert.That(html, Does.Not.Contain("<style").And.Not.Contain("style="));
        Assert.That(document.ToString(), Does.Contain("<style>"), "the document keeps its own stylesheet");
        Assert.That(XElement.Parse(html).Attribute("class")?.Value, Is.EqualTo("report"));
        Assert.That(html, Does.Contain("Acme &lt;b&gt; &amp; \"Co\", Ltd").And.Not.Contain("<b>"));
    }

    private static List<string> Ids(string html) => [.. Id().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(" id=\"([^\"]+)\"")]
    private static partial Regex Id();
}
