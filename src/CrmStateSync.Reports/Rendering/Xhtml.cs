using System.Globalization;
using System.Xml.Linq;

namespace CrmStateSync.Reports.Rendering;

/// <summary>
/// Builders for XHTML and SVG elements. Everything goes through System.Xml.Linq, so every text and attribute is escaped
/// (an account named <c>&lt;b&gt; &amp; "Co"</c> stays text) and the page is well-formed XML that an XML parser loads.
/// </summary>
internal static class Xhtml
{
    public static readonly XNamespace Ns = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XElement El(string name, params object?[] content) => new(Ns + name, content);

    public static XElement S(string name, params object?[] content) => new(Svg + name, content);

    public static XAttribute A(string name, object value) => new(name, value is double d ? Num(d) : value);

    public static XElement Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string empty, string? id = null)
    {
        var body = rows.ToList();
        if (body.Count == 0)
        {
            return El("p", A("class", "empty"), empty);
        }

        return El("table", id is null ? null : A("id", id),
            El("thead", El("tr", header.Select(h => El("th", h)))),
            El("tbody", body.Select(r => El("tr", r.Select(c => El("td", c))))));
    }

    /// <summary>A coordinate or length for SVG: invariant, at most one decimal.</summary>
    public static string Num(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
