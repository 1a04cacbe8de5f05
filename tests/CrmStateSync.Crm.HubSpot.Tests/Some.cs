using System.Globalization;
using WireMock.Server;

namespace CrmStateSync.Crm.HubSpot.Tests;

/// <summary>Object mother: HubSpot payloads and stubs, so a test shows only what matters to it.</summary>
internal static class Some
{
    public static string Iso(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Record(string id, JsonObject? properties = null, string? archivedAt = null)
    {
        var props = properties ?? [];
        props["hs_object_id"] = id;
        var o = new JsonObject { ["id"] = id, ["properties"] = props, ["archived"] = archivedAt is not null };
        if (archivedAt is not null)
        {
            o["archivedAt"] = archivedAt;
        }

        return o;
    }

    public static JsonObject Page(IEnumerable<JsonNode> results, string? after = null)
    {
        var page = new JsonObject { ["results"] = new JsonArray([.. results]) };
        if (after is not null)
        {
            page["paging"] = new JsonObject { ["next"] = new JsonObject { ["after"] = after } };
        }

        return page;
    }

    /// <summary>Every id's company is <c>9{id}</c> (HubSpot ids are numeric).</summary>
    public static void Associations(WireMockServer server, string from) =>
        server.Given(Request.Create().WithPath($"/crm/v4/associations/{from}/companies/batch/read").UsingPost())
            .RespondWith(Response.Create().WithCallback(req =>
            {
                var inputs = JsonNode.Parse(req.Body!)!["inputs"]!.AsArray();
                var results = inputs.Select(i => (JsonNode)new JsonObject
                {
                    ["from"] = new JsonObject { ["id"] = (string)i!["id"]! },
                    ["to"] = new JsonArray(new JsonObject { ["toObjectId"] = "9" + (string)i!["id"]!, ["associationTypes"] = new JsonArray() }),
                });
                return FakeSearch.Json(200, new JsonObject { ["status"] = "COMPLETE", ["results"] = new JsonArray([.. results]) });
            }));

    public static void Json(WireMockServer server, IRequestBuilder request, int status, JsonNode body) =>
        server.Given(request).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString()));

    public static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    public static ReadCursor CursorAt(DateTimeOffset at) => new(at, null);

    public static (long Id, long Ms)[] Records(int count, long firstId, Func<int, long> ms) =>
        [.. Enumerable.Range(0, count).Select(i => (firstId + i, ms(i)))];
}
