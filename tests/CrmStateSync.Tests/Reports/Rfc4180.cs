using System.Text;

namespace CrmStateSync.Tests.Reports;

/// <summary>A strict RFC 4180 reader for tests: quoted fields (with doubled quotes, commas, line breaks), CRLF records.</summary>
internal static class Rfc4180
{
    public static List<List<string>> Parse(string text)
    {
        var (records, record, field, quoted, i) = (new List<List<string>>(), new List<string>(), new StringBuilder(), false, 0);
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                if (c == '"') { quoted = false; i++; continue; }
                field.Append(c); i++; continue;
            }

            if (c == '"' && field.Length == 0) { quoted = true; i++; continue; }
            if (c == ',') { record.Add(field.ToString()); field.Clear(); i++; continue; }
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i += 2;
                continue;
            }

            Assert.That(c, Is.Not.EqualTo('"').And.Not.EqualTo('\n').And.Not.EqualTo('\r'), $"unquoted special character at {i}");
            field.Append(c);
            i++;
        }

        Assert.That(record.Count + field.Length, Is.Zero, "the last record ends with CRLF");
        return records;
    }
}
