using System.Globalization;

namespace CrmStateSync.Crm.Salesforce.Tests.TestSupport;

/// <summary>Object mother: Salesforce rows, pages and results with only what a test cares about.</summary>
internal static class Some
{
    public static readonly DateTimeOffset T0 = new(2026, 5, 20, 20, 49, 32, TimeSpan.Zero);

    /// <summary>A Salesforce datetime as the API sends it: <c>2026-05-20T20:49:32.000+0000</c>.</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> Account(string id, DateTimeOffset modified, bool deleted = false, params (string Field, object? Value)[] fields)
    {
        var row = new Dictionary<string, object?>
        {
            ["attributes"] = new { type = "Account", url = $"/services/data/v66.0/sobjects/Account/{id}" },
            ["Id"] = id,
            ["Name"] = "Acme " + id,
            ["SystemModstamp"] = Stamp(modified),
            ["IsDeleted"] = deleted,
            ["LastModifiedById"] = "005INTEGRATION",
        };
        foreach (var (field, value) in fields)
        {
            row[field] = value;
        }

        return row;
    }

    public static object Page(string? next, params Dictionary<string, object?>[] records) =>
        new { totalSize = records.Length, done = next is null, nextRecordsUrl = next, records };

    public static object Saved(string id) => new { id, success = true, errors = Array.Empty<object>() };

    public static object Refused(string id, string code, string message, params string[] fields) =>
        new { id, success = false, errors = new[] { new { statusCode = code, message, fields } } };
}
