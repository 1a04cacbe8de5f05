using System.Globalization;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>18-character Salesforce-shaped ids: the object's key prefix, <c>SBX</c>, a 12-digit counter.</summary>
internal sealed class SalesforceIds
{
    public const string IntegrationUser = "005SBX000000000001";
    public const string SeedUser = "005SBX000000000002";

    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Account"] = "001", ["Contact"] = "003", ["Opportunity"] = "006", ["Task"] = "00T", ["User"] = "005",
    };

    private long _next;

    public string Next(string sobject) =>
        Prefixes.GetValueOrDefault(sobject, "a0U") + "SBX" + Interlocked.Increment(ref _next).ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>A stable user id per owner name (for OwnerId).</summary>
    public static string User(string owner)
    {
        var hash = 17L;
        foreach (var c in owner)
        {
            hash = ((hash * 31) + c) % 1_000_000_007;
        }

        return "005SBX" + (1_000 + hash).ToString("D12", CultureInfo.InvariantCulture);
    }
}
