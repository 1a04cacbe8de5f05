using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.Salesforce;

/// <summary>
/// Bulk API 2.0 query jobs as Salesforce documents them: <c>POST …/jobs/query</c> (<c>operation</c> query or queryAll,
/// CSV, comma, LF or CRLF; the SOQL subset of <see cref="SoqlQuery"/> without <c>COUNT()</c>), <c>GET …/jobs/query/{id}</c>
/// (the state advances on each poll), <c>PATCH</c> to abort, and <c>GET …/results?locator=&amp;maxRecords=</c>: CSV with a
/// header row, every value quoted, null as an empty field, <c>Sforce-Locator</c> (the string <c>null</c> after the last
/// set) and <c>Sforce-NumberOfRecords</c>.
/// </summary>
internal sealed class BulkQueryEndpoint(SalesforceOrg org, SalesforceSchema schema)
{
    /// <summary>Rows per result set when the request names no <c>maxRecords</c>.</summary>
    public const int DefaultMaxRecords = 50_000;

    public async Task<IResult> CreateAsync(HttpContext context, string version)
    {
        JobRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<JobRequest>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return SalesforceErrors.Error(400, "JSON_PARSER_ERROR", ex.Message);
        }

        if (Refusal(request) is { } refusal)
        {
            return refusal;
        }

        var (query, error) = SoqlQuery.Parse(request!.Query);
        if (query is null || query.IsCount)
        {
            return SalesforceErrors.Error(400, "API_ERROR", query is null ? error! : "Aggregate Relationships not supported in Bulk Query with CSV content type");
        }

        if (schema.Fields(query.SObject) is not { } fields || org.Table(query.SObject) is not { } table)
        {
            return SalesforceErrors.Error(400, "INVALID_TYPE", $"sObject type '{query.SObject}' is not supported.");
        }

        if (QueryEndpoint.UnknownField(query, fields) is { } unknown)
        {
            return SalesforceErrors.Error(400, "INVALID_FIELD", $"No such column '{unknown}' on entity '{query.SObject}'.");
        }

        var rows = QueryEndpoint.Matching(table.Ordered(), query, request.Operation == "queryAll");
        var job = new BulkJob(org.BulkJobs.NextId(), request.Operation!, query, rows, request.LineEnding ?? "LF", org.Options.Clock.GetUtcNow());
        org.BulkJobs.Add(job);
        return Results.Json(Info(job, job.State, version));
    }

    public IResult Status(string version, string jobId) => org.BulkJobs.Find(jobId) is { } job
        ? Results.Json(Info(job, job.Poll(org.Options.SalesforceBulkPollsBeforeComplete), version))
        : NotFound();

    public async Task<IResult> AbortAsync(HttpContext context, string version, string jobId)
    {
        if (org.BulkJobs.Find(jobId) is not { } job)
        {
            return NotFound();
        }

        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var wanted = body.RootElement.TryGetProperty("state", out var s) ? s.GetString() : null;
        return wanted == "Aborted" && job.Abort()
            ? Results.Json(Info(job, job.State, version))
            : SalesforceErrors.Error(400, "INVALIDJOBSTATE", $"Job {jobId} is {job.State}; only a running job can be set to Aborted");
    }

    public async Task ResultsAsync(HttpContext context, string jobId)
    {
        if (org.BulkJobs.Find(jobId) is not { } job)
        {
            await SalesforceErrors.WriteAsync(context, 404, "NOT_FOUND", "The requested resource does not exist").ConfigureAwait(false);
            return;
        }

        if (job.State != "JobComplete")
        {
            await SalesforceErrors.WriteAsync(context, 412, "JOB_NOT_COMPLETE",
                $"can only download query results of successfully completed bulk job with status: JOB_COMPLETE. Current status: {job.State}").ConfigureAwait(false);
            return;
        }

        var offset = BulkLocator.Decode(context.Request.Query["locator"]);
        var max = context.Request.Query["maxRecords"].ToString() is { Length: > 0 } m ? int.TryParse(m, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1 : DefaultMaxRecords;
        if (offset is null || offset > job.Rows.Count || max < 0)
        {
            await SalesforceErrors.WriteAsync(context, 400, "INVALIDLOCATOR", "the locator or maxRecords is not valid for this job").ConfigureAwait(false);
            return;
        }

        await BulkCsv.WriteAsync(context, job, offset.Value, max).ConfigureAwait(false);
    }

    private static IResult? Refusal(JobRequest? request) => request switch
    {
        null or { Query: null or "" } => SalesforceErrors.Error(400, "INVALIDJOB", "InvalidJob : the job needs an operation and a query"),
        { Operation: not ("query" or "queryAll") } => SalesforceErrors.Error(400, "INVALIDJOB", $"InvalidJob : Invalid operation '{request.Operation}' for a query job"),
        { ContentType: not (null or "CSV") } => SalesforceErrors.Error(400, "INVALIDJOB", $"InvalidJob : contentType '{request.ContentType}' is not supported (CSV only)"),
        { ColumnDelimiter: not (null or "COMMA") } => SalesforceErrors.Error(400, "INVALIDJOB", $"InvalidJob : the sandbox serves columnDelimiter COMMA only (was '{request.ColumnDelimiter}')"),
        { LineEnding: not (null or "LF" or "CRLF") } => SalesforceErrors.Error(400, "INVALIDJOB", $"InvalidJob : lineEnding '{request.LineEnding}' is not LF or CRLF"),
        _ => null,
    };

    private static IResult NotFound() => SalesforceErrors.Error(404, "NOT_FOUND", "The requested resource does not exist");

    private static object Info(BulkJob job, string state, string version) => new
    {
        id = job.Id, operation = job.Operation, @object = job.Query.SObject, createdById = SalesforceIds.IntegrationUser,
        createdDate = SalesforceFormat.DateTime(job.Created), systemModstamp = SalesforceFormat.DateTime(job.Created), state,
        concurrencyMode = "Parallel", contentType = "CSV", apiVersion = double.Parse(version.TrimStart('v'), CultureInfo.InvariantCulture),
        jobType = "V2Query", lineEnding = job.LineEnding, columnDelimiter = "COMMA",
        numberRecordsProcessed = state == "JobComplete" ? job.Rows.Count : 0, retries = 0, totalProcessingTime = 0,
    };

    private sealed record JobRequest(string? Operation, string? Query, string? ContentType, string? ColumnDelimiter, string? LineEnding);
}

/// <summary>A result set's locator: an opaque string (the offset in base64, as Salesforce's <c>MTAwMDA</c> is "10000").</summary>
internal static class BulkLocator
{
    public static string Encode(int offset) => Convert.ToBase64String(Encoding.ASCII.GetBytes(offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    /// <summary>The offset of <paramref name="locator"/> (none: 0), or null when it is not one this sandbox issued.</summary>
    public static int? Decode(string? locator)
    {
        if (string.IsNullOrEmpty(locator))
        {
            return 0;
        }

        try
        {
            var padded = locator + new string('=', (4 - locator.Length % 4) % 4);
            return int.TryParse(Encoding.ASCII.GetString(Convert.FromBase64String(padded)), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
