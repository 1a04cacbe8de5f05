using System.Globalization;
using System.Text.Json;
using CrmStateSync.Sandbox.Data;

namespace CrmStateSync.Sandbox.HubSpot;

/// <summary>A search body: filters on the change timestamp and <c>hs_object_id</c> (EQ, GT, GTE, LT, LTE), sorts, properties, limit, after.</summary>
internal sealed record SearchRequest(IReadOnlyList<(string Property, string Operator, string Value)> Filters, bool ById, IReadOnlyList<string> Properties, int Limit, int Offset, string Stamp)
{
    public static SearchRequest Parse(JsonElement root, string stamp)
    {
        var filters = new List<(string, string, string)>();
        if (root.TryGetProperty("filterGroups", out var groups) && groups.ValueKind == JsonValueKind.Array && groups.GetArrayLength() > 0)
        {
            foreach (var f in groups[0].GetProperty("filters").EnumerateArray())
            {
                filters.Add((f.GetProperty("propertyName").GetString() ?? "", f.GetProperty("operator").GetString() ?? "", f.GetProperty("value").ToString()));
            }
        }

        var byId = root.TryGetProperty("sorts", out var sorts) && sorts.ValueKind == JsonValueKind.Array && sorts.GetArrayLength() > 0
            && sorts[0].TryGetProperty("propertyName", out var first) && first.GetString() == "hs_object_id";
        var properties = root.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [];
        var limit = root.TryGetProperty("limit", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 10;
        var offset = root.TryGetProperty("after", out var a) && int.TryParse(a.ToString(), CultureInfo.InvariantCulture, out var o) ? o : 0;
        return new SearchRequest(filters, byId, properties, limit, offset, stamp);
    }

    public bool Matches(SandboxRecord record, IComparer<string> idOrder) => Filters.All(f => f.Property switch
    {
        "hs_object_id" => Holds(idOrder.Compare(record.Id, f.Value), f.Operator),
        _ when f.Property == Stamp => HubSpotFormat.ParseInstant(f.Value) is { } at && Holds(record.ModifiedAt.CompareTo(at), f.Operator),
        _ => Holds(string.CompareOrdinal(HubSpotFormat.Text(record[f.Property]), f.Value), f.Operator),
    });

    private static bool Holds(int comparison, string op) => op switch
    {
        "EQ" => comparison == 0,
        "NEQ" => comparison != 0,
        "GT" => comparison > 0,
        "GTE" => comparison >= 0,
        "LT" => comparison < 0,
        "LTE" => comparison <= 0,
        _ => false,
    };
}
