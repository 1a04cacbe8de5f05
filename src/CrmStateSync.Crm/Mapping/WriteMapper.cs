using System.Globalization;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Mapping;

/// <summary>
/// Turns an <see cref="AccountWrite"/> (canonical keys and values) into the CRM's field names and values: dates as
/// <c>YYYY-MM-DD</c>, picklists translated (stage label → HubSpot internal value …), numbers, booleans, null to clear.
/// A value the org would refuse (no field mapped, not a picklist value) is caught here as <em>invalid</em>, before sending.
/// </summary>
public sealed class WriteMapper(FieldMappingOptions mapping, IValueFormat format)
{
    public const string InvalidCode = "INVALID_BEFORE_SEND";

    /// <summary>The CRM fields to send, and the problems that kept some fields out (empty when all mapped).</summary>
    public (IReadOnlyDictionary<string, object?> Fields, IReadOnlyList<CrmError> Invalid) Map(AccountWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        var invalid = new List<CrmError>();
        foreach (var (key, value) in write.Fields)
        {
            if (!mapping.Account.TryGetValue(key, out var field))
            {
                invalid.Add(new CrmError(InvalidCode, $"no CRM field is mapped for '{key}'", [key]));
                continue;
            }

            var list = PicklistOf(key);
            if (list is not null && value is not null && Translate(list, Text(value)) is not { } crmValue)
            {
                invalid.Add(new CrmError(InvalidCode, $"'{Text(value)}' is not a {list} value the mapping knows", [field]));
                continue;
            }

            fields[field] = list is not null && value is not null ? Translate(list, Text(value)) : Convert(value);
        }

        return (fields, invalid);
    }

    private static string? PicklistOf(string key) =>
        key == ManagedField.Stage ? "stage" : key.StartsWith("state:", StringComparison.Ordinal) ? "stateValue" : null;

    private string? Translate(string list, string canonical) =>
        !mapping.Picklists.TryGetValue(list, out var values) ? canonical : values.TryGetValue(canonical, out var crm) ? crm : null;

    private object? Convert(object? value) => value switch
    {
        null => null,
        DateOnly d => format.FormatDate(d),
        bool b => b,
        int i => (double)i,
        double x => x,
        StateValue s => s.ToString(),
        _ => Text(value),
    };

    private static string Text(object value) => value switch
    {
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
