using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmStateSync.Sandbox.Data;
using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>
/// <c>GET …/query</c> and <c>…/queryAll</c>: pages of at most <c>batchSize</c> (200–2,000, default 2,000) rows of an
/// ordered snapshot, then <c>nextRecordsUrl</c> locators bound to the session that created them.
/// </summary>
internal sealed partial class QueryEndpoint(SalesforceOrg org, SalesforceSchema schema)
{
    private const int DefaultBatch = 2000;
    private readonly ConcurrentDictionary<string, Cursor> _cursors = new(StringComparer.Ordinal);
    private long _locators;

    /// <summary>Query locators still open (not paged to the end).</summary>
    public int OpenLocators => _cursors.Count;

    public async Task QueryAsync(HttpContext context, string version, bool all)
    {
        var (query, error) = SoqlQuery.Parse(context.Request.Query["q"]);
        if (query is null)
        {
            await SalesforceErrors.WriteAsync(context, 400, "MALFORMED_QUERY", error!).ConfigureAwait(false);
            return;
        }

        var fields = schema.Fields(query.SObject);
        if (fields is null || org.Table(query.SObject) is not { } table)
        {
            await SalesforceErrors.WriteAsync(context, 400, "INVALID_TYPE", $"sObject type '{query.SObject}' is not supported.").ConfigureAwait(false);
            return;
        }

        if (UnknownField(query, fields) is { } unknown)
        {
            await SalesforceErrors.WriteAsync(context, 400, "INVALID_FIELD", $"No such column '{unknown}' on entity '{query.SObject}'.").ConfigureAwait(false);
            return;
        }

        var rows = Matching(table.Ordered(), query, all);
        if (query.IsCount)
        {
            await context.Response.WriteAsJsonAsync(new { totalSize = rows.Count, done = true, records = Array.Empty<object>() }).ConfigureAwait(false);
            return;
        }

        var cursor = new Cursor(rows, 0, query, version, all, Bearer(context));
        await WritePageAsync(context, cursor, NextLocator()).ConfigureAwait(false);
    }

    public async Task NextAsync(HttpContext context, string locator)
    {
        if (!_cursors.TryRemove(locator, out var cursor) || cursor.Session != Bearer(context))
        {
            await SalesforceErrors.WriteAsync(context, 400, "INVALID_QUERY_LOCATOR", "invalid query locator").ConfigureAwait(false);
            return;
        }

        await WritePageAsync(context, cursor, locator).ConfigureAwait(false);
    }

    private async Task WritePageAsync(HttpContext context, Cursor cursor, string locator)
    {
        var size = BatchSize(context.Request.Headers["Sforce-Query-Options"]);
        var end = Math.Min(cursor.Offset + size, cursor.Rows.Count);
        var done = end >= cursor.Rows.Count;
        var key = locator.Split('-')[0] + "-" + end.ToString(CultureInfo.InvariantCulture);
        if (!done)
        {
            _cursors[key] = cursor with { Offset = end };
        }

        context.Response.ContentType = "application/json;charset=UTF-8";
        var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteNumber("totalSize", cursor.Rows.Count);
            writer.WriteBoolean("done", done);
            if (!done)
            {
                writer.WriteString("nextRecordsUrl", $"/services/data/{cursor.Version}/{(cursor.All ? "queryAll" : "query")}/{key}");
            }

            writer.WriteStartArray("records");
            for (var i = cursor.Offset; i < end; i++)
            {
                WriteRecord(writer, cursor.Rows[i], cursor.Query, cursor.Version);
                if (writer.BytesPending > 32_768)
                {
                    await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                    await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static void WriteRecord(Utf8JsonWriter writer, SandboxRecord record, SoqlQuery query, string version)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("attributes");
        writer.WriteString("type", query.SObject);
        writer.WriteString("url", $"/services/data/{version}/sobjects/{query.SObject}/{record.Id}");
        writer.WriteEndObject();
        foreach (var field in query.Fields)
        {
            writer.WritePropertyName(field);
            SalesforceFormat.WriteValue(writer, SoqlValues.Of(record, field));
        }

        writer.WriteEndObject();
    }

    /// <summary>The first selected or filtered field the object does not have, or null.</summary>
    internal static string? UnknownField<T>(SoqlQuery query, IReadOnlyDictionary<string, T> fields) =>
        (query.IsCount ? [] : query.Fields).Concat(query.Conditions.Select(c => c.Field)).FirstOrDefault(f => !fields.ContainsKey(f));

    internal static List<SandboxRecord> Matching(IReadOnlyList<SandboxRecord> ordered, SoqlQuery query, bool all)
    {
        var rows = new List<SandboxRecord>();
        foreach (var record in ordered)
        {
            if (rows.Count == query.Limit)
            {
                break;
            }

            if ((query.From is null || record.ModifiedAt >= query.From) && (all || !record.Deleted) && query.Conditions.All(c => c.Matches(record)))
            {
                rows.Add(record);
            }
        }

        return rows;
    }

    private static int BatchSize(string? options)
    {
        var match = options is null ? null : BatchSizePattern().Match(options);
        return match is { Success: true } && int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 200, 2000) : DefaultBatch;
    }

    private string NextLocator() => "01gSBX" + Interlocked.Increment(ref _locators).ToString("D10", CultureInfo.InvariantCulture) + "-0";

    private static string Bearer(HttpContext context) => context.Request.Headers.Authorization.ToString();

    [GeneratedRegex(@"batchSize\s*=\s*(\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BatchSizePattern();

    private sealed record Cursor(List<SandboxRecord> Rows, int Offset, SoqlQuery Query, string Version, bool All, string Session);
}
