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
        var fields = new Dictionary<string, string?>(row.Count, StringComparer.Ordinal);
        foreach (var (name, value) in row)
        {
            if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                fields[name] = ToText(value);
            }
        }

        return From(fields, cursorField);
    }

    /// <summary>
    /// A row whose fields are already text (a Bulk API 2.0 CSV row, where null is an empty field): the same record as the
    /// JSON row of a REST query. Booleans compare ignoring case (<c>true</c> in both formats).
    /// </summary>
    public static RawRecord From(Dictionary<string, string?> fields, string cursorField)
    {
        var id = Text(fields, Soql.Id) ?? throw Malformed("a record has no Id");
        var stampText = Text(fields, cursorField) ?? throw Malformed($"record {id} has no {cursorField}");
        if (!SalesforceValueFormat.Instance.TryParseDateTime(stampText, out var stamp))
        {
            throw Malformed($"record {id} has {cursorField} '{stampText}', which is not a Salesforce datetime");
        }

        var deleted = string.Equals(Text(fields, Soql.IsDeleted), "true", StringComparison.OrdinalIgnoreCase);
        return new RawRecord(id, stamp, deleted, fields, Text(fields, Soql.LastModifiedById));
    }

    private static string? Text(Dictionary<string, string?> fields, string field) =>
        fields.TryGetValue(field, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static string? ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    internal static CrmException Malformed(string message) => new("Salesforce sent a query row the connector cannot place: " + message, "MALFORMED_RESPONSE", 200);
}
