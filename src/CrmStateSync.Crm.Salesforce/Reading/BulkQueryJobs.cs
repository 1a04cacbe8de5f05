using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Salesforce.Api;

namespace CrmStateSync.Crm.Salesforce.Reading;

/// <summary>
/// Runs one Bulk API 2.0 query job to its end: <c>POST …/jobs/query</c>, then <c>GET …/jobs/query/{id}</c> after
/// waits of <see cref="SalesforceOptions.BulkPollInterval"/> doubling up to <see cref="MaxPollInterval"/>, until the job
/// is <c>JobComplete</c>. A job that ends <c>Failed</c> or <c>Aborted</c> ends the cycle with the CRM's message (the next
/// cycle tries again); one still running after <see cref="SalesforceOptions.BulkMaxWait"/> is aborted and ends it too.
/// 429 and 5xx answers to any of these calls are retried by the resilience pipeline like every other call.
/// </summary>
internal sealed class BulkQueryJobs(ISalesforceApi api, SalesforceOptions options, TimeProvider clock)
{
    /// <summary>The longest wait between two polls.</summary>
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(30);

    /// <summary>The completed job, ready for its results.</summary>
    public async Task<QueryJob> RunAsync(string sobject, string soql, CancellationToken cancellationToken)
    {
        var job = await SalesforceErrors.CallAsync(() => api.CreateQueryJobAsync(options.ApiVersion, new QueryJobRequest("query", soql), cancellationToken),
            $"the creation of a Bulk API 2.0 query job for {sobject}", cancellationToken).ConfigureAwait(false);
        var started = clock.GetTimestamp();
        var wait = options.BulkPollInterval;
        while (!job.Ended)
        {
            var left = options.BulkMaxWait - clock.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                throw await TimedOutAsync(job, sobject, cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(wait < left ? wait : left, clock, cancellationToken).ConfigureAwait(false);
            wait = NextWait(wait);
            var id = job.Id;
            job = await SalesforceErrors.CallAsync(() => api.GetQueryJobAsync(options.ApiVersion, id, cancellationToken),
                $"the state of Bulk API 2.0 query job {id} ({sobject})", cancellationToken).ConfigureAwait(false);
        }

        return job.State == QueryJob.JobComplete ? job : throw Ended(job, sobject);
    }

    /// <summary>The wait after <paramref name="wait"/>: twice as long, at most <see cref="MaxPollInterval"/> (or the first wait, if longer).</summary>
    public TimeSpan NextWait(TimeSpan wait)
    {
        var cap = options.BulkPollInterval > MaxPollInterval ? options.BulkPollInterval : MaxPollInterval;
        return wait * 2 < cap ? wait * 2 : cap;
    }

    /// <summary>A job that ended without results: the CRM's state and message, and what to do.</summary>
    public static CrmException Ended(QueryJob job, string sobject) => new(
        $"Salesforce's Bulk API 2.0 query job {job.Id} for {sobject} ended {job.State}: {job.ErrorMessage ?? "(no message)"}. "
        + $"The cycle ends and the next one reads again; to read through REST query pages instead, set {SalesforceOptions.Section}:BulkThreshold to 0",
        "BULK_QUERY_" + job.State.ToUpperInvariant(), 200);

    private async Task<CrmException> TimedOutAsync(QueryJob job, string sobject, CancellationToken cancellationToken)
    {
        var message = $"Salesforce's Bulk API 2.0 query job {job.Id} for {sobject} was still {job.State} after "
            + $"{SalesforceOptions.Section}:BulkMaxWait ({options.BulkMaxWait}); ";
        try
        {
            await api.AbortQueryJobAsync(options.ApiVersion, job.Id, new QueryJobStateChange(QueryJob.Aborted), cancellationToken).ConfigureAwait(false);
            return new CrmException(message + "it was aborted and the cycle ends; the next one reads again", "BULK_QUERY_TIMEOUT", null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var abort = SalesforceErrors.Translate(ex, $"the abort of job {job.Id}", cancellationToken);
            return new CrmException(message + $"aborting it failed too ({abort.Message}); the cycle ends", "BULK_QUERY_TIMEOUT", null, abort);
        }
    }
}
