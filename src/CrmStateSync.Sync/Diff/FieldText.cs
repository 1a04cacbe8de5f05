using System.Globalization;

namespace CrmStateSync.Sync.Diff;

/// <summary>The canonical text of a managed value, the form in which computed, CRM and last-written values compare.</summary>
public static class FieldText
{
    public static string? Of(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        double x => x.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
