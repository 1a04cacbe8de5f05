namespace CrmStateSync.Tests.Reports.Browser;

/// <summary>What the page scripts measure, as the browser laid the page out.</summary>
public partial class ReportPageTests
{
    /// <summary>A text of a chart: its box against the chart's visible box (half a pixel of rounding allowed).</summary>
    public sealed record ChartText(string Chart, string Text, double Width, double Height, bool Inside);

    /// <summary>A chart's legend: whether it is rendered, its size and text, how many keys it has.</summary>
    public sealed record Legend(string Chart, bool Visible, double Width, double Height, string Text, int Keys);

    /// <summary>A time-in-stage row: its value text and how many bars it has.</summary>
    public sealed record StageRow(string Value, int Bars);

    /// <summary>The histogram's column widths, bucket labels and axis titles with their drawn widths.</summary>
    public sealed record Histogram(double[] BarWidths, string[] Ticks, string[] AxisTitles, double[] AxisTitleSizes);

    /// <summary>A section: its explanation sentences, and any tall block with no text (a blank gap).</summary>
    public sealed record Section(string Id, string[] Explanations, string[] Blank);

    private static class Scripts
    {
        /// <summary>Each text with the text it draws (its own text nodes, not its tooltip's) and its box.</summary>
        public const string ChartTexts = """
            () => { const shown = t => [...t.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
            return [...document.querySelectorAll('svg.chart')].flatMap(svg => {
              const box = svg.getBoundingClientRect();
              return [...svg.querySelectorAll('text')].map(t => {
                const r = t.getBoundingClientRect();
                return { Chart: svg.id, Text: shown(t), Width: r.width, Height: r.height,
                  Inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 };
              });
            }); }
            """;

        public const string Legends = """
            () => [...document.querySelectorAll('figure.chart')].map(f => {
              const legend = f.querySelector('figcaption.legend');
              const r = legend ? legend.getBoundingClientRect() : { width: 0, height: 0 };
              const style = legend ? getComputedStyle(legend) : null;
              return { Chart: f.querySelector('svg').id, Visible: !!style && style.display !== 'none' && style.visibility === 'visible' && style.opacity !== '0',
                Width: r.width, Height: r.height, Text: legend ? legend.innerText : '', Keys: legend ? legend.querySelectorAll('.key').length : 0 };
            })
            """;

        public const string StageRow = """
            prefix => {
              const svg = document.getElementById('chart-time-in-stage');
              const label = [...svg.querySelectorAll('text.label')].find(t => t.textContent.includes(prefix) || (t.querySelector('title')?.textContent ?? '').startsWith(prefix));
              const y = label.getBoundingClientRect();
              const same = e => { const r = e.getBoundingClientRect(); return r.bottom > y.top - 6 && r.top < y.bottom + 6; };
              const value = [...svg.querySelectorAll('text:not(.label)')].find(same);
              return { Value: value.textContent, Bars: [...svg.querySelectorAll('rect')].filter(same).length };
            }
            """;

        public const string Histogram = """
            () => {
              const svg = document.getElementById('chart-time-to-value');
              const titles = [...svg.querySelectorAll('text.axis-title')];
              return { BarWidths: [...svg.querySelectorAll('rect.bar')].map(r => r.getBoundingClientRect().width),
                Ticks: [...svg.querySelectorAll('text.tick')].map(t => t.textContent),
                AxisTitles: titles.map(t => t.textContent), AxisTitleSizes: titles.map(t => { const r = t.getBoundingClientRect(); return r.width * r.height; }) };
            }
            """;

        public const string Sections = """
            () => [...document.querySelectorAll('section')].map(s => ({
              Id: s.id,
              Explanations: [...s.querySelectorAll('p.empty, p.note')].filter(p => p.getBoundingClientRect().height > 0).map(p => p.innerText.trim()),
              Blank: [...s.children].filter(c => c.getBoundingClientRect().height > 24 && c.innerText.trim().length === 0).map(c => c.outerHTML.slice(0, 80)),
            }))
            """;
    }
}
