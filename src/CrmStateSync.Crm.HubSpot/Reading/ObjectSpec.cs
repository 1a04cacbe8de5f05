namespace CrmStateSync.Crm.HubSpot.Reading;

/// <summary>How one HubSpot object is read: its type, change timestamp, properties, and whether it links to a company.</summary>
/// <param name="Type">The object type in paths (<c>companies</c>, <c>deals</c>, <c>contacts</c>, <c>cs_usage</c>).</param>
/// <param name="TimestampProperty"><c>hs_lastmodifieddate</c>, or <c>lastmodifieddate</c> for contacts.</param>
/// <param name="Properties">The properties to request (the mapped ones, the timestamp and <c>hs_object_id</c>).</param>
/// <param name="LinkedToCompany">True to read the company association into <c>accountId</c>.</param>
/// <param name="ModifiedByProperty">The property naming who changed the record last, if mapped.</param>
internal sealed record ObjectSpec(string Type, string TimestampProperty, IReadOnlyList<string> Properties, bool LinkedToCompany, string? ModifiedByProperty)
{
    public const string IdProperty = "hs_object_id";

    public static ObjectSpec From(string type, IReadOnlyDictionary<string, string> map, IEnumerable<string> extra, bool linked)
    {
        var timestamp = map.TryGetValue("modifiedAt", out var t) ? t : "hs_lastmodifieddate";
        var properties = map.Where(m => m.Key != RecordConverter.AccountIdField).Select(m => m.Value).Concat(extra).Append(timestamp).Append(IdProperty).Distinct(StringComparer.Ordinal).ToArray();
        return new ObjectSpec(type, timestamp, properties, linked, map.TryGetValue("lastModifiedBy", out var by) ? by : null);
    }
}
