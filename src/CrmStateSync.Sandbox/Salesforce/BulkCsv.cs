using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>
/// Writes one Bulk API 2.0 result set: a header row of the selected fields in the order asked, then the rows, every
/// value quoted (quotes doubled), null as an empty field, booleans <c>true</c>/<c>false</c>, dates <c>YYYY-MM-DD</c>,
/// datetimes <c>2026-05-20T20:49:32.000Z</c>, numbers invariant. Streamed to the answer as it is written.
/// </summary>
internal static class BulkCsv
{
    public static async Task WriteAsync(HttpContext context, BulkJob job, int offset, int maxRecords)
    {
        var end = (int)Math.Min((long)offset + maxRecords, job.Rows.Count);
        context.Response.ContentType = "text/csv";
        context.Response.Headers["Sforce-Locator"] = end < job.Rows.Count ? BulkLocator.Encode(end) : "null";
        context.Response.Headers["Sforce-NumberOfRecords"] = (end - offset).ToString(CultureInfo.InvariantCulture);
        var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false), 64 * 1024) { NewLine = job.LineEnding == "CRLF" ? "\r\n" : "\n" };
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(string.Join(',', job.Query.Fields.Select(Quote))).ConfigureAwait(false);
            var line = new StringBuilder();
            for (var i = offset; i < end; i++)
            {
                line.Clear();
                foreach (var field in job.Query.Fields)
                {
                    line.Append(line.Length == 0 ? "" : ",").Append(SalesforceFormat.CsvValue(SoqlValues.Of(job.Rows[i], field)) is { } text ? Quote(text) : "");
                }

                await writer.WriteLineAsync(line, context.RequestAborted).ConfigureAwait(false);
            }
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
