using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CrmStateSync.Crm.Salesforce.Metadata;

/// <summary>Metadata API XML as <c>sf project retrieve</c> writes it: the metadata namespace, <c>fullName</c> first, the other
/// elements in name order, four-space indents, LF line ends, so a regenerated file diffs cleanly.</summary>
internal static class MetadataXml
{
    public static readonly XNamespace Ns = "http://soap.sforce.com/2006/04/metadata";

    /// <summary>An element whose children are put in Salesforce's order (fullName first, then by name).</summary>
    public static XElement Sorted(string name, IEnumerable<XElement?> children) =>
        new(Ns + name, children.OfType<XElement>().OrderBy(c => c.Name.LocalName == "fullName" ? 0 : 1).ThenBy(c => c.Name.LocalName, StringComparer.Ordinal));

    public static XElement E(string name, object? content) => new(Ns + name, content is bool b ? (b ? "true" : "false") : content);

    public static string Serialize(XElement root)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "    ", NewLineChars = "\n", OmitXmlDeclaration = true };
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        using (var writer = XmlWriter.Create(text, settings))
        {
            root.WriteTo(writer);
        }

        return text.Append('\n').ToString();
    }
}
