using System.Net;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Crm.Salesforce.Api;
using Refit;

namespace CrmStateSync.Crm.Salesforce.Writing;

/// <summary>
/// Writes accounts with <c>PATCH composite/sobjects</c> (<c>allOrNone: false</c>), at most 200 records a call, and
/// maps each result back in request order. Invalid values never leave the process; the budget guard stops writing
/// once the org's usage reaches <see cref="SalesforceOptions.WriteBudgetShare"/> (<see cref="WriteBudget"/>).
/// </summary>
internal sealed class CompositeWriter(ISalesforceApi api, SalesforceOptions options, WriteBudget budget)
{
    public const int BatchLimit = 200;

    private readonly WriteMapper _mapper = new(options.Mapping, SalesforceValueFormat.Instance);

    private string SObject => options.Mapping.Objects["Account"];

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var results = new WriteResult[writes.Count];
        var pending = new List<(int Index, Dictionary<string, object?> Record)>();
        for (var i = 0; i < writes.Count; i++)
        {
            var (fields, invalid) = _mapper.Map(writes[i]);
            if (invalid.Count > 0)
            {
                results[i] = WriteResult.Failed(writes[i].AccountId, false, [.. invalid]);
            }
            else
            {
                pending.Add((i, Record(writes[i].AccountId, fields)));
            }
        }

        foreach (var batch in pending.Chunk(BatchLimit))
        {
            if (budget.Spent() is { } spent)
            {
                // The batches already sent keep their results; the rest wait for the next cycle (transient).
                foreach (var (index, _) in batch)
                {
                    results[index] = WriteResult.Failed(writes[index].AccountId, true, spent);
                }

                continue;
            }

            var outcomes = await SendAsync(batch.Select(p => p.Record).ToList(), cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < batch.Length; j++)
            {
                results[batch[j].Index] = outcomes[j] with { RecordId = writes[batch[j].Index].AccountId };
            }
        }

        return results;
    }

    private Dictionary<string, object?> Record(string id, IReadOnlyDictionary<string, object?> fields)
    {
        var record = new Dictionary<string, object?>(fields.Count + 2, StringComparer.Ordinal)
        {
            ["attributes"] = new Dictionary<string, string> { ["type"] = SObject },
            ["id"] = id,
        };
        foreach (var (field, value) in fields)
        {
            record[field] = value;
        }

        return record;
    }

    private async Task<IReadOnlyList<WriteResult>> SendAsync(List<Dictionary<string, object?>> records, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await api.UpdateRecordsAsync(options.ApiVersion, new CompositeUpdate(false, records), cancellationToken).ConfigureAwait(false);
            if (saved.Count != records.Count)
            {
                throw new CrmException($"Salesforce answered {records.Count} updates with {saved.Count} results; cannot tell which succeeded", "MALFORMED_RESPONSE", 200);
            }

            return [.. saved.Select((s, i) => SaveResults.ToWriteResult(s, (string)records[i]["id"]!))];
        }
        catch (ApiException api) when (api.InnerException is null && (api.StatusCode is HttpStatusCode.TooManyRequests || (int)api.StatusCode >= 400))
        {
            var error = SalesforceErrors.Parse(api.Content, api.StatusCode);
            var transient = api.StatusCode is HttpStatusCode.TooManyRequests || (int)api.StatusCode >= 500;
            return [.. records.Select(r => WriteResult.Failed((string)r["id"]!, transient, new CrmError(error.Code, error.Message, [])))];
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw SalesforceErrors.Translate(ex, "the account update", cancellationToken);
        }
    }
}
