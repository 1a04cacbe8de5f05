using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Crm.Salesforce.Api;

namespace CrmStateSync.Crm.Salesforce.Reading;

/// <summary>
/// The Bulk API 2.0 path of a full read (first read, reconciliation) of an object above
/// <see cref="SalesforceOptions.BulkThreshold"/> rows: one query job, then its CSV result sets by <c>Sforce-Locator</c>,
/// <see cref="SalesforceOptions.BulkPageSize"/> rows each, streamed row by row into the same <see cref="RawRecord"/>s as
/// the REST path. When a result set is gone (404: the job was deleted or its results expired) the job is run again once;
/// its rows then arrive again from the start, which the cache's upsert by id and stamp absorbs.
/// </summary>
internal sealed class BulkQueryReader(ISalesforceApi api, BulkQueryJobs jobs, SalesforceOptions options)
{
    /// <summary>Jobs run again after their results went missing, in one read.</summary>
    public const int MaxRestarts = 1;

    /// <summary>Whether this read goes through Bulk API 2.0: a full read of more rows than the threshold (one COUNT() query).</summary>
    public async Task<bool> AppliesAsync(QuerySpec spec, ReadCursor cursor, CancellationToken cancellationToken)
    {
        if (options.BulkThreshold == 0 || cursor.ModifiedAt is not null)
        {
            return false;
        }

        var soql = Soql.Count(spec.SObject, spec.CursorField, null);
        var batch = "batchSize=" + options.PageSize.ToString(CultureInfo.InvariantCulture);
        var count = await SalesforceErrors.CallAsync(() => api.GetQueryAsync(options.ApiVersion, soql, batch, cancellationToken),
            $"the count of {spec.SObject}", cancellationToken).ConfigureAwait(false);
        return count.TotalSize > options.BulkThreshold;
    }

    public async IAsyncEnumerable<RawRecord> ReadAsync(QuerySpec spec, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var soql = Soql.Unordered(spec.Fields, spec.SObject, spec.CursorField, null);
        for (var restarts = 0; ; restarts++)
        {
            var job = await jobs.RunAsync(spec.SObject, soql, cancellationToken).ConfigureAwait(false);
            var (locator, missing) = ((string?)null, (ResultSet?)null);
            do
            {
                using var set = await OpenAsync(job, locator, spec.SObject, cancellationToken).ConfigureAwait(false);
                if (set.Missing)
                {
                    missing = set;
                    break;
                }

                var body = await set.Response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await foreach (var row in CsvRows.ReadAsync(body, $"the results of job {job.Id} ({spec.SObject})", cancellationToken).ConfigureAwait(false))
                {
                    yield return RawRecords.From(row, spec.CursorField);
                }

                locator = set.NextLocator;
            }
            while (locator is not null);

            if (missing is null)
            {
                yield break;
            }

            if (restarts >= MaxRestarts)
            {
                throw new CrmException($"Salesforce lost the results of Bulk API 2.0 query job {job.Id} for {spec.SObject} again after the job was run anew "
                    + $"({missing.Error.Code}: {missing.Error.Message}); the cycle ends and the next one reads again", missing.Error.Code, 404);
            }
        }
    }

    private async Task<ResultSet> OpenAsync(QueryJob job, string? locator, string sobject, CancellationToken cancellationToken)
    {
        var what = $"the results of Bulk API 2.0 query job {job.Id} ({sobject})";
        var response = await SalesforceErrors.CallAsync(() => api.GetQueryJobResultsAsync(options.ApiVersion, job.Id, locator, options.BulkPageSize, cancellationToken),
            what, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            var next = response.Headers.TryGetValues(BulkHeaders.Locator, out var values) ? values.FirstOrDefault() : null;
            return new ResultSet(response, next is null or "" or BulkHeaders.NoMoreResults ? null : next, default);
        }

        using (response)
        {
            var error = await SalesforceErrors.ReadAsync(response, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var message = $"Salesforce refused {what} with {status} {error.Code}: {error.Message}";
            return response.StatusCode switch
            {
                HttpStatusCode.NotFound => new ResultSet(null!, null, error) { Missing = true },
                HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError => throw new CrmUnavailableException(message, null, error.Code, status),
                _ => throw new CrmException(message, error.Code, status),
            };
        }
    }

    /// <summary>One result set's answer (disposed after its rows are read), the next locator, or the error of a missing set.</summary>
    private sealed record ResultSet(HttpResponseMessage Response, string? NextLocator, SalesforceErrors.Error Error) : IDisposable
    {
        public bool Missing { get; init; }

        public void Dispose() => Response?.Dispose();
    }
}
