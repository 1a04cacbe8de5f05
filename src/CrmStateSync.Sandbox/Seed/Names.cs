using System.Globalization;

namespace CrmStateSync.Sandbox.Seed;

/// <summary>Readable, unique company names: two word lists and the index.</summary>
internal static class Names
{
    private static readonly string[] First = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adatum", "Proseware", "Woodgrove", "Lucerne", "Wingtip"];
    private static readonly string[] Second = ["Traders", "Labs", "Logistics", "Health", "Systems", "Foods", "Energy", "Media", "Bank", "Works"];

    public static string Company(int index) =>
        $"{First[index % First.Length]} {Second[index / First.Length % Second.Length]} {(index / 100).ToString(CultureInfo.InvariantCulture)}";
}
