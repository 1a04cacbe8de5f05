using System.Globalization;
using System.Runtime.CompilerServices;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Crm.Salesforce.Api;
using CrmStateSync.Crm.Salesforce.Auth;
using Refit;

namespace CrmStateSync.Crm.Salesforce.Reading;

/// <summary>What one object's read selects: the sObject, the fields, and the cursor field (<c>SystemModstamp</c>).</summary>
internal sealed record QuerySpec(string SObject, IReadOnlyList<string> Fields, string CursorField);

/// <summary>
/// Streams the changed rows of one object: <c>queryAll</c> (deleted rows too) from <c>cursor − overlap</c> (the cursor
/// itself once settled), following
/// <c>nextRecordsUrl</c> until <c>done</c>, each (Id, SystemModstamp) once. When the session was renewed, or a query
/// locator is refused, the query restarts from the last yielded timestamp instead of following the stale locator.
/// </summary>
internal sealed class QueryReader(ISalesforceApi api, SalesforceTokenProvider tokens, SalesforceOptions options)
{
    /// <summary>Restarts allowed in one read before it gives up (a session that keeps dying is not transient).</summary>
    public const int MaxRestarts = 3;

    public async IAsyncEnumerable<RawRecord> ReadAsync(QuerySpec spec, ReadCursor cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var from = cursor.Settled ? cursor.ModifiedAt : cursor.ModifiedAt - options.Overlap;
        var includeDeleted = cursor.ModifiedAt is not null;
        var seen = new ChangeDeduplicator();
        var restarts = 0;
        var page = await FirstPageAsync(spec, from, includeDeleted, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var generation = tokens.Generation;
            foreach (var row in page.Records ?? [])
            {
                var raw = RawRecords.From(row, spec.CursorField);
                if (seen.FirstSeen(raw.Id, raw.ModifiedAt))
                {
                    yield return raw;
                }
            }

            if (page.Done || string.IsNullOrEmpty(page.NextRecordsUrl))
            {
                yield break;
            }

            var next = generation == tokens.Generation ? await NextPageAsync(page.NextRecordsUrl, cancellationToken).ConfigureAwait(false) : null;
            if (next is null && ++restarts > MaxRestarts)
            {
                throw new CrmException($"Salesforce renewed the session {restarts} times while reading {spec.SObject}; giving up this cycle", "INVALID_SESSION_ID", 401);
            }

            page = next ?? await FirstPageAsync(spec, seen.Last ?? from, includeDeleted, cancellationToken).ConfigureAwait(false);
        }
    }

    private string QueryOptions => "batchSize=" + options.PageSize.ToString(CultureInfo.InvariantCulture);

    private async Task<QueryPage> FirstPageAsync(QuerySpec spec, DateTimeOffset? from, bool includeDeleted, CancellationToken cancellationToken)
    {
        var soql = Soql.Select(spec.Fields, spec.SObject, spec.CursorField, from);
        try
        {
            return includeDeleted
                ? await api.GetQueryAllAsync(options.ApiVersion, soql, QueryOptions, cancellationToken).ConfigureAwait(false)
                : await api.GetQueryAsync(options.ApiVersion, soql, QueryOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw SalesforceErrors.Translate(ex, $"the query of {spec.SObject}", cancellationToken);
        }
    }

    /// <summary>The next page, or null when the locator belongs to an old session or has expired (restart instead).</summary>
    private async Task<QueryPage?> NextPageAsync(string nextRecordsUrl, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetNextPageAsync(nextRecordsUrl.TrimStart('/'), QueryOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (SalesforceErrors.Unwrap(ex) is SessionRenewedException)
        {
            return null;
        }
        catch (ApiException api) when (SalesforceErrors.Parse(api.Content, api.StatusCode).Code == "INVALID_QUERY_LOCATOR")
        {
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw SalesforceErrors.Translate(ex, "the next page of a query", cancellationToken);
        }
    }
}
