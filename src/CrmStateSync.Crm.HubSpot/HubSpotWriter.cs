using System.Globalization;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.HubSpot.Http;
using CrmStateSync.Crm.Mapping;
using Refit;

namespace CrmStateSync.Crm.HubSpot;

/// <summary>
/// Writes companies with <c>batch/update</c> in batches of at most 100. A write the mapping rejects fails before
/// sending; 200 confirms the batch; 207 names the failed records in <c>errors[].context.ids</c>. The budget guard holds
/// back the batches not yet sent once the portal's use reaches <see cref="HubSpotOptions.WriteBudgetShare"/> (<see cref="HubSpotWriteBudget"/>).
/// </summary>
internal sealed class HubSpotWriter(IHubSpotApi api, HubSpotPaths paths, WriteMapper mapper, string companies, HubSpotWriteBudget budget)
{
    public const int BatchLimit = 100;

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<AccountWrite> writes, CancellationToken cancellationToken)
    {
        var results = new Dictionary<AccountWrite, WriteResult>(ReferenceEqualityComparer.Instance);
        var ready = new List<UpdateInput>();
        var byId = new Dictionary<string, AccountWrite>(StringComparer.Ordinal);
        foreach (var write in writes)
        {
            var (fields, invalid) = mapper.Map(write);
            if (invalid.Count > 0)
            {
                results[write] = WriteResult.Failed(write.AccountId, false, [.. invalid]);
                continue;
            }

            ready.Add(new UpdateInput(write.AccountId, fields.ToDictionary(f => f.Key, f => Text(f.Value), StringComparer.Ordinal)));
            byId[write.AccountId] = write;
        }

        foreach (var batch in ready.Chunk(BatchLimit))
        {
            if (budget.Spent() is { } spent)
            {
                // The batches already sent keep their results; the rest wait for the next cycle (transient).
                foreach (var input in batch)
                {
                    results[byId[input.Id]] = WriteResult.Failed(input.Id, true, spent);
                }

                continue;
            }

            foreach (var result in await SendAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                results[byId[result.RecordId]] = result;
            }
        }

        return [.. writes.Select(w => results[w])];
    }

    /// <summary>A value as HubSpot takes it: every value a string, null clears (empty string).</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateOnly d => HubSpotValueFormat.Instance.FormatDate(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private async Task<IEnumerable<WriteResult>> SendAsync(UpdateInput[] batch, CancellationToken cancellationToken)
    {
        IApiResponse<BatchResponse> response;
        try
        {
            response = await api.UpdateObjectsAsync(paths.Objects(companies), new BatchUpdateRequest(batch), cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            throw HubSpotCalls.Translate("batch update", ex);
        }
        catch (Exception ex) when (HubSpotCalls.Unwrap(ex) is { } inner && (inner is CrmException || HubSpotCalls.IsOutage(inner)))
        {
            throw inner is CrmException crm ? HubSpotCalls.Rethrow(crm) : HubSpotCalls.Unavailable("batch update", inner);
        }

        using (response)
        {
            if (response.StatusCode is null && response.Error is { } error && HubSpotCalls.Unwrap(error) is var failure)
            {
                throw failure is CrmException crm ? HubSpotCalls.Rethrow(crm)
                    : HubSpotCalls.IsOutage(failure) ? HubSpotCalls.Unavailable("batch update", failure)
                    : new CrmException($"HubSpot batch update failed: {failure.Message}", failure);
            }

            return response.IsSuccessStatusCode && response.Content is { } body
                ? BatchOutcome.FromBody(batch, body, (int)response.StatusCode)
                : BatchOutcome.FromFailure(batch, response);
        }
    }
}
