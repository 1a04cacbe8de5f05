using CrmStateSync.Crm.Http;
using Refit;

namespace CrmStateSync.Crm.Salesforce.Api;

/// <summary>
/// The Salesforce REST endpoints the connector calls. The base address is a placeholder: the auth handler points each
/// request at the token's <c>instance_url</c> and adds the bearer token.
/// </summary>
internal interface ISalesforceApi
{
    public const string QueryOptionsHeader = "Sforce-Query-Options";

    [Get("/services/data/{version}/query")]
    Task<QueryPage> GetQueryAsync(string version, [AliasAs("q")] string soql, [Header(QueryOptionsHeader)] string queryOptions, CancellationToken cancellationToken);

    /// <summary>Like <see cref="GetQueryAsync"/>, and also returns deleted and merged rows (<c>IsDeleted = true</c>).</summary>
    [Get("/services/data/{version}/queryAll")]
    Task<QueryPage> GetQueryAllAsync(string version, [AliasAs("q")] string soql, [Header(QueryOptionsHeader)] string queryOptions, CancellationToken cancellationToken);

    /// <summary>The next page: <c>nextRecordsUrl</c> as Salesforce sent it (without its leading slash).</summary>
    [Get("/{**nextRecordsUrl}")]
    Task<QueryPage> GetNextPageAsync(string nextRecordsUrl, [Header(QueryOptionsHeader)] string queryOptions, CancellationToken cancellationToken);

    [Patch("/services/data/{version}/composite/sobjects")]
    Task<List<SaveResult>> UpdateRecordsAsync(string version, [Body] CompositeUpdate body, CancellationToken cancellationToken);

    [Get("/services/data/{version}/sobjects/{sobject}/describe")]
    Task<DescribeResult> GetDescribeAsync(string version, string sobject, CancellationToken cancellationToken);

    /// <summary>
    /// sObject Collections create: up to 200 records, one result per record in request order. Not idempotent: the
    /// pipeline does not resend it after a lost answer (<see cref="NonIdempotent"/>).
    /// </summary>
    [Post("/services/data/{version}/composite/sobjects")]
    Task<List<SaveResult>> CreateRecordsAsync(string version, [Body] CompositeCreate body, [Property(NonIdempotent.PropertyKey)] bool nonIdempotent, CancellationToken cancellationToken);

    /// <summary>Bulk API 2.0: creates a query job (<c>UploadComplete</c>); its results are read once it is <c>JobComplete</c>.</summary>
    [Post("/services/data/{version}/jobs/query")]
    Task<QueryJob> CreateQueryJobAsync(string version, [Body] QueryJobRequest body, CancellationToken cancellationToken);

    /// <summary>Bulk API 2.0: a query job's state (polled until it has ended).</summary>
    [Get("/services/data/{version}/jobs/query/{jobId}")]
    Task<QueryJob> GetQueryJobAsync(string version, string jobId, CancellationToken cancellationToken);

    /// <summary>Bulk API 2.0: aborts a query job (<c>{state: "Aborted"}</c>).</summary>
    [Patch("/services/data/{version}/jobs/query/{jobId}")]
    Task<QueryJob> AbortQueryJobAsync(string version, string jobId, [Body] QueryJobStateChange body, CancellationToken cancellationToken);

    /// <summary>
    /// Bulk API 2.0: one result set of a completed job as CSV, at most <paramref name="maxRecords"/> rows, from
    /// <paramref name="locator"/> (none: the first). The answer is returned unread, whatever its status, so the caller
    /// streams the body and reads <c>Sforce-Locator</c>; the caller disposes it.
    /// </summary>
    [Get("/services/data/{version}/jobs/query/{jobId}/results")]
    Task<HttpResponseMessage> GetQueryJobResultsAsync(string version, string jobId, string? locator, int maxRecords, CancellationToken cancellationToken);
}
