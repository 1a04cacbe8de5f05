namespace CrmStateSync.Crm.Salesforce.Api;

/// <summary>
/// The body of <c>POST …/jobs/query</c> (Bulk API 2.0): <c>{operation, query, contentType, columnDelimiter, lineEnding}</c>.
/// <c>query</c> leaves deleted rows out, as the REST full read does.
/// </summary>
internal sealed record QueryJobRequest(string Operation, string Query, string ContentType = "CSV", string ColumnDelimiter = "COMMA", string LineEnding = "LF");

/// <summary>
/// A query job as Salesforce describes it: <c>{id, operation, object, state, errorMessage?, numberRecordsProcessed, …}</c>.
/// <c>state</c> is <c>UploadComplete</c> or <c>InProgress</c> while it runs, then <c>JobComplete</c>, <c>Failed</c> or
/// <c>Aborted</c>. Unknown members are ignored.
/// </summary>
internal sealed record QueryJob(string Id, string? Operation, string? Object, string State, string? ErrorMessage, long NumberRecordsProcessed)
{
    public const string UploadComplete = "UploadComplete";
    public const string InProgress = "InProgress";
    public const string JobComplete = "JobComplete";
    public const string Failed = "Failed";
    public const string Aborted = "Aborted";

    /// <summary>True once the job has ended one way or another.</summary>
    public bool Ended => State is JobComplete or Failed or Aborted;
}

/// <summary>The body of <c>PATCH …/jobs/query/{id}</c> that aborts a job: <c>{state: "Aborted"}</c>.</summary>
internal sealed record QueryJobStateChange(string State);

/// <summary>The Bulk API 2.0 results headers.</summary>
internal static class BulkHeaders
{
    /// <summary>The next result set's locator; the string <c>null</c> after the last one.</summary>
    public const string Locator = "Sforce-Locator";

    /// <summary>The number of records in this result set.</summary>
    public const string NumberOfRecords = "Sforce-NumberOfRecords";

    /// <summary>What <see cref="Locator"/> holds when no result set follows.</summary>
    public const string NoMoreResults = "null";
}
