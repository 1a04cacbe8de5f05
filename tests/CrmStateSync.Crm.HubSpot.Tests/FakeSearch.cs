using System.Globalization;
using WireMock;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace CrmStateSync.Crm.HubSpot.Tests;

/// <summary>
/// HubSpot's search endpoint over an in-memory set of (id, timestamp): GTE/LTE/GT/EQ filters, sorts, offset paging,
/// <c>total</c>, and the documented 400 past 10,000 results.
/// </summary>
internal sealed class FakeSearch(string timestampProperty, IReadOnlyList<(long Id, long Ms)> records)
{
    public void Serve(WireMockServer server, string objectPath) =>
        server.Given(Request.Create().WithPath(objectPath + "/search").UsingPost())
            .RespondWith(Response.Create().WithCallback(req => Answer(JsonNode.Parse(req.Body!)!)));

    private ResponseMessage Answer(JsonNode body)
    {
        var filters = body["filterGroups"]![0]!["filters"]!.AsArray();
        var matching = records.Where(r => filters.All(f => Matches(r, f!))).ToList();
        var sorts = body["sorts"]!.AsArray().Select(s => (string)s!["propertyName"]!).ToList();
        matching = sorts[0] == timestampProperty ? [.. matching.OrderBy(r => r.Ms).ThenBy(r => r.Id)] : [.. matching.OrderBy(r => r.Id)];
        var limit = (int)body["limit"]!;
        var offset = body["after"] is { } a ? int.Parse((string)a!, CultureInfo.InvariantCulture) : 0;
        if (offset + limit > 10_000)
        {
            return Json(400, new JsonObject { ["status"] = "error", ["category"] = "VALIDATION_ERROR", ["message"] = "past 10,000 results" });
        }

        var page = new JsonArray([.. matching.Skip(offset).Take(limit).Select(Result)]);
        var result = new JsonObject { ["total"] = matching.Count, ["results"] = page };
        if (offset + limit < matching.Count)
        {
            result["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = (offset + limit).ToString(CultureInfo.InvariantCulture) } };
        }

        return Json(200, result);
    }

    private bool Matches((long Id, long Ms) r, JsonNode f)
    {
        var value = long.Parse((string)f["value"]!, CultureInfo.InvariantCulture);
        var actual = (string)f["propertyName"]! == timestampProperty ? r.Ms : r.Id;
        return (string)f["operator"]! switch
        {
            "GTE" => actual >= value,
            "LTE" => actual <= value,
            "GT" => actual > value,
            "EQ" => actual == value,
            _ => throw new InvalidOperationException("operator"),
        };
    }

    private JsonNode Result((long Id, long Ms) r) => new JsonObject
    {
        ["id"] = r.Id.ToString(CultureInfo.InvariantCulture),
        ["properties"] = new JsonObject
        {
            ["hs_object_id"] = r.Id.ToString(CultureInfo.InvariantCulture),
            [timestampProperty] = DateTimeOffset.FromUnixTimeMilliseconds(r.Ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        },
        ["archived"] = false,
    };

    public static ResponseMessage Json(int status, JsonNode body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };

    public static List<string?> Afters(IEnumerable<WireMock.Logging.ILogEntry> calls) =>
        [.. calls.Select(c => JsonDocument.Parse(c.RequestMessage.Body!).RootElement.TryGetProperty("after", out var a) ? a.GetString() : null)];
}
