using System.Globalization;
using System.Text.Json;
using CrmStateSync.Sandbox.Data;
using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.HubSpot;

/// <summary>List (by id, <c>after</c> = the next id), search (filters, sorts, offset <c>after</c>, 10,000 cap), batch read, associations.</summary>
internal sealed class HubSpotReads(HubSpotPortal portal)
{
    public const int SearchCap = 10_000;

    public async Task<IResult> ListAsync(HttpContext context, string type)
    {
        if (portal.Table(type) is not { } table)
        {
            return HubSpotErrors.Error(404, "OBJECT_NOT_FOUND", $"Unable to infer object type from: {type}");
        }

        var q = context.Request.Query;
        var limit = Math.Clamp(int.TryParse(q["limit"], CultureInfo.InvariantCulture, out var l) ? l : 10, 1, 100);
        var archived = string.Equals(q["archived"], "true", StringComparison.OrdinalIgnoreCase);
        var properties = Properties(q["properties"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var rows = table.OrderedById();
        var start = q["after"].ToString() is { Length: > 0 } after ? LowerBound(rows, after, table.IdOrder) : 0;
        var page = new List<SandboxRecord>(limit);
        var i = start;
        for (; i < rows.Count && page.Count < limit; i++)
        {
            if (rows[i].Deleted == archived)
            {
                page.Add(rows[i]);
            }
        }

        var next = NextOf(rows, i, archived);
        await WritePageAsync(context, page, properties, Stamp(type), null, next).ConfigureAwait(false);
        return Results.Empty;
    }

    public async Task<IResult> SearchAsync(HttpContext context, string type)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        if (portal.Table(type) is not { } table)
        {
            return HubSpotErrors.Error(404, "OBJECT_NOT_FOUND", $"Unable to infer object type from: {type}");
        }

        var request = SearchRequest.Parse(body.RootElement, Stamp(type));
        if (request.Limit > 200)
        {
            return HubSpotErrors.Error(400, "VALIDATION_ERROR", $"limit must be at most 200 (was {request.Limit})");
        }

        if (request.Offset + request.Limit > SearchCap)
        {
            return HubSpotErrors.Error(400, "VALIDATION_ERROR", $"Search results are limited to {SearchCap} per query; after {request.Offset} with limit {request.Limit} is past it. Narrow the query.");
        }

        var rows = request.ById ? table.OrderedById() : table.Ordered();
        var matching = rows.Where(r => !r.Deleted && request.Matches(r, table.IdOrder)).ToList();
        var page = matching.Skip(request.Offset).Take(request.Limit).ToList();
        var end = request.Offset + page.Count;
        await WritePageAsync(context, page, Properties(request.Properties), Stamp(type), matching.Count,
            end < matching.Count ? end.ToString(CultureInfo.InvariantCulture) : null).ConfigureAwait(false);
        return Results.Empty;
    }

    public async Task<IResult> BatchReadAsync(HttpContext context, string type)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var ids = Ids(body.RootElement);
        if (portal.Table(type) is not { } table || ids.Count > 100)
        {
            return HubSpotErrors.Error(400, "VALIDATION_ERROR", $"batch read takes at most 100 inputs of a known object type ({type}, {ids.Count})");
        }

        var properties = body.RootElement.TryGetProperty("properties", out var p) ? Properties(p.EnumerateArray().Select(e => e.GetString() ?? "")) : Properties([]);
        var found = ids.Select(table.Find).OfType<SandboxRecord>().Where(r => !r.Deleted).ToList();
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("status", "COMPLETE");
        writer.WriteStartArray("results");
        found.ForEach(r => HubSpotFormat.WriteObject(writer, r, properties, Stamp(type)));
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        return Results.Empty;
    }

    public async Task<IResult> AssociationsAsync(HttpContext context, string from, string to)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var ids = Ids(body.RootElement);
        if (ids.Count > 1000)
        {
            return HubSpotErrors.Error(400, "VALIDATION_ERROR", $"at most 1000 inputs (was {ids.Count})");
        }

        var results = ids.Select(id => (id, linked: Linked(from, to, id)))
            .Where(x => x.linked.Count > 0)
            .Select(x => new
            {
                from = new { id = x.id },
                to = x.linked.Select(linked => new { toObjectId = long.Parse(linked, CultureInfo.InvariantCulture), associationTypes = new[] { new { category = "HUBSPOT_DEFINED", typeId = 1, label = (string?)null } } }),
            });
        return Results.Json(new { status = "COMPLETE", results });
    }

    /// <summary>Either way round: a record's company, or a company's records of one type (all in one page: no paging here).</summary>
    private IReadOnlyList<string> Linked(string from, string to, string id)
    {
        var company = portal.Mapping.Objects["Account"];
        if (string.Equals(to, company, StringComparison.OrdinalIgnoreCase))
        {
            return portal.CompanyOf(from, id) is { } c ? [c] : [];
        }

        return string.Equals(from, company, StringComparison.OrdinalIgnoreCase) ? portal.RecordsOf(to, id) : [];
    }

    private string Stamp(string type) =>
        portal.Mapping.Objects.FirstOrDefault(o => string.Equals(o.Value, type, StringComparison.OrdinalIgnoreCase)).Key switch
        {
            "Contact" => portal.Mapping.Contact.GetValueOrDefault("modifiedAt", "lastmodifieddate"),
            _ => "hs_lastmodifieddate",
        };

    private static List<string> Properties(IEnumerable<string> requested) => [.. requested.Append("hs_object_id").Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)];

    private static List<string> Ids(JsonElement root) => root.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Array
        ? [.. inputs.EnumerateArray().Select(i => i.TryGetProperty("id", out var id) ? id.ToString() : "")]
        : [];

    private static int LowerBound(IReadOnlyList<SandboxRecord> rows, string id, IComparer<string> order)
    {
        var (lo, hi) = (0, rows.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = order.Compare(rows[mid].Id, id) < 0 ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }

    private static string? NextOf(IReadOnlyList<SandboxRecord> rows, int from, bool archived)
    {
        for (var i = from; i < rows.Count; i++)
        {
            if (rows[i].Deleted == archived)
            {
                return rows[i].Id;
            }
        }

        return null;
    }

    private static async Task WritePageAsync(HttpContext context, List<SandboxRecord> page, List<string> properties, string stamp, int? total, string? after)
    {
        context.Response.ContentType = "application/json";
        var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            if (total is { } t)
            {
                writer.WriteNumber("total", t);
            }

            writer.WriteStartArray("results");
            page.ForEach(r => HubSpotFormat.WriteObject(writer, r, properties, stamp));
            writer.WriteEndArray();
            if (after is not null)
            {
                writer.WriteStartObject("paging");
                writer.WriteStartObject("next");
                writer.WriteString("after", after);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }
}
