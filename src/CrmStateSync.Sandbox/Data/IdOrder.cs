namespace CrmStateSync.Sandbox.Data;

/// <summary>How each CRM sorts ids: Salesforce ordinally, HubSpot as numbers.</summary>
public static class IdOrder
{
    public static IComparer<string> Ordinal { get; } = StringComparer.Ordinal;

    /// <summary>All-digit ids by length, then ordinally (so <c>100</c> sorts after <c>99</c>).</summary>
    public static IComparer<string> Numeric { get; } = Comparer<string>.Create((a, b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b));
}
