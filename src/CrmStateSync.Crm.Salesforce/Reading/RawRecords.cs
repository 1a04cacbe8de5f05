using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;

namespace CrmStateSync.Crm.Salesforce.Reading;

/// <summary>
/// Turns a SOQL row into a <see cref="RawRecord"/>: each field as invariant text (<c>true</c>/<c>false</c>, numbers
/// as sent, strings as they are, null as null). Nested objects (<c>attributes</c>, relationships) are left out.
/// </summary>
internal static class RawRecords
{
    public static RawRecord From(Dictionary<string, JsonElement> row, string cursorField)
    {
        var id = Text(row, Soql.Id) ?? throw Malformed("a record has no Id");
        var stampText = Text(row, cursorField) ?? throw Malformed($"record {id} has no {cursorField}");
        if (!SalesforceValueFormat.Instance.TryParseDateTime(stampText, out var stamp))
        {
            throw Malformed($"record {id} has {cursorField} '{stampText}', which is not a Salesforce datetime");
        }

        var fields = new Dictionary<string, string?>(row.Count, StringComparer.Ordinal);
        foreach (var (name, value) in row)
        {
            if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                fields[name] = ToText(value);
            }
        }

        var deleted = string.Equals(Text(row, Soql.IsDeleted), "true", StringComparison.Ordinal);
        return new RawRecord(id, stamp, deleted, fields, Text(row, Soql.LastModifiedById));
    }

    private static string? Text(Dictionary<string, JsonElement> row, string field) =>
        row.TryGetValue(field, out var value) ? ToText(value) : null;

    private static string? ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static CrmException Malformed(string message) => new("Salesforce sent a query row the connector cannot place: " + message, "MALFORMED_RESPONSE", 200);
}
