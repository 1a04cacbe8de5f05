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
}
