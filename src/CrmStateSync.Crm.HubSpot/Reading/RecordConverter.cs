using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.Mapping;

namespace CrmStateSync.Crm.HubSpot.Reading;

/// <summary>Turns HubSpot results into <see cref="RawRecord"/>s: property values as text, the change time, the editor.</summary>
internal static class RecordConverter
{
    public const string AccountIdField = "accountId";

    public static Dictionary<string, string?> Fields(HubSpotObject o)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in o.Properties ?? [])
        {
            fields[name] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            };
        }

        return fields;
    }

    public static string Id(HubSpotObject o, IReadOnlyDictionary<string, string?> fields) =>
        o.Id ?? fields.GetValueOrDefault(ObjectSpec.IdProperty)
        ?? throw new CrmException("HubSpot returned a record without an id", "UNREADABLE_RESPONSE", 200);

    public static DateTimeOffset ModifiedAt(HubSpotObject o, IReadOnlyDictionary<string, string?> fields, string timestampProperty) =>
        Instant(fields.GetValueOrDefault(timestampProperty)) ?? Instant(o.UpdatedAt) ?? DateTimeOffset.MinValue;

    public static DateTimeOffset? Instant(string? text) =>
        text is { Length: > 0 } && HubSpotValueFormat.Instance.TryParseDateTime(text, out var at) ? at : null;

    public static RawRecord Record(HubSpotObject o, ObjectSpec spec, IReadOnlyDictionary<string, string>? companies)
    {
        var fields = Fields(o);
        var id = Id(o, fields);
        if (companies is not null && companies.TryGetValue(id, out var company))
        {
            fields[AccountIdField] = company;
        }

        var by = spec.ModifiedByProperty is { } p ? fields.GetValueOrDefault(p) : null;
        return new RawRecord(id, ModifiedAt(o, fields, spec.TimestampProperty), false, fields, by);
    }
}
