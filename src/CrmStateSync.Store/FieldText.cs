using System.Globalization;

namespace CrmStateSync.Store;

/// <summary>
/// The text form of a managed field value as the journal and last-written values keep it: strings as is, dates ISO
/// <c>yyyy-MM-dd</c>, numbers invariant, booleans <c>true</c>/<c>false</c>, null for a cleared field. Compare values
/// through this form.
/// </summary>
public static class FieldText
{
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        DateOnly d => Internal.Iso.Date(d),
        bool b => b ? "true" : "false",
        DateTimeOffset at => Internal.Iso.Instant(at),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
