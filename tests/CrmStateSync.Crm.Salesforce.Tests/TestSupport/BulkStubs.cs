using System.Text;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static CrmStateSync.Crm.Salesforce.Tests.TestSupport.SalesforceServer;

namespace CrmStateSync.Crm.Salesforce.Tests.TestSupport;

/// <summary>Bulk API 2.0 answers as Salesforce documents them: job info JSON, CSV result sets with <c>Sforce-Locator</c>.</summary>
internal static class BulkStubs
{
    public const string Jobs = Data + "/jobs/query";

    /// <summary><c>SELECT COUNT()</c> answers <paramref name="count"/> (<c>totalSize</c>, no records); other queries are not matched here.</summary>
    public static void Count(this SalesforceServer server, int count) =>
        server.Mock.Given(Request.Create().WithPath(Data + "/query").UsingGet().WithParam("q", new WildcardMatcher("SELECT COUNT() FROM *")))
            .AtPriority(1)
            .RespondWith(Json(200, new { totalSize = count, done = true, records = Array.Empty<object>() }));

    public static IResponseBuilder Job(string id, string state, string? errorMessage = null) => Json(200, new
    {
        id, operation = "query", @object = "Account", createdById = "005000000000001", createdDate = "2026-05-20T20:49:32.000+0000",
        systemModstamp = "2026-05-20T20:49:32.000+0000", state, errorMessage, concurrencyMode = "Parallel", contentType = "CSV",
        apiVersion = 66.0, lineEnding = "LF", columnDelimiter = "COMMA", numberRecordsProcessed = state == "JobComplete" ? 3 : 0,
    });

    /// <summary>The result set of <paramref name="jobId"/> at <paramref name="locator"/> (null: the first), then <paramref name="next"/>.</summary>
    public static void Results(this SalesforceServer server, string jobId, string? locator, string csv, string? next, int rows)
    {
        var request = Request.Create().WithPath($"{Jobs}/{jobId}/results").UsingGet();
        request = locator is null ? request : request.WithParam("locator", locator);
        server.Mock.Given(request).AtPriority(locator is null ? 5 : 1).RespondWith(Csv(csv, next, rows));
    }

    public static IResponseBuilder Csv(string csv, string? next, int rows) => Response.Create().WithStatusCode(200)
        .WithHeader("Content-Type", "text/csv").WithHeader("Sforce-Locator", next ?? "null").WithHeader("Sforce-NumberOfRecords", rows.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithHeader("Sforce-Limit-Info", "api-usage=18/15000").WithBody(Encoding.UTF8.GetBytes(csv));

    /// <summary>A CSV result set: the header, then each row, every value quoted, null as an empty field, LF line ends.</summary>
    public static string CsvOf(string[] header, params string?[][] rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(',', header.Select(Quote))).Append('\n');
        foreach (var row in rows)
        {
            text.Append(string.Join(',', row.Select(v => v is null ? "" : Quote(v)))).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
