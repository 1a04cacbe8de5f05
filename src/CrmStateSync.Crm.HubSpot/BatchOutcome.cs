using System.Net;
using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.HubSpot.Http;
using Refit;

namespace CrmStateSync.Crm.HubSpot;

/// <summary>One <see cref="WriteResult"/> per input from a batch response (200, 207, or a whole-batch failure).</summary>
internal static class BatchOutcome
{
    public static IEnumerable<WriteResult> FromBody(UpdateInput[] batch, BatchResponse body, int status)
    {
        if (status == (int)HttpStatusCode.OK && (body.Errors is null or { Count: 0 }))
        {
            return batch.Select(i => WriteResult.Ok(i.Id));
        }

        var failed = new Dictionary<string, List<HubSpotError>>(StringComparer.Ordinal);
        var unattributed = new List<HubSpotError>();
        foreach (var error in body.Errors ?? [])
        {
            var ids = Strings(error, "ids").Concat(Strings(error, "id")).ToList();
            (ids.Count == 0 ? unattributed : null)?.Add(error);
            foreach (var id in ids)
            {
                (failed.TryGetValue(id, out var list) ? list : failed[id] = []).Add(error);
            }
        }

        var confirmed = (body.Results ?? []).Select(r => r.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return batch.Select(i => failed.TryGetValue(i.Id, out var errors) ? Failed(i.Id, errors)
            : confirmed.Contains(i.Id) || unattributed.Count == 0 ? WriteResult.Ok(i.Id)
            : Failed(i.Id, unattributed));
    }

    public static IEnumerable<WriteResult> FromFailure(UpdateInput[] batch, IApiResponse<BatchResponse> response)
    {
        var status = response.StatusCode ?? HttpStatusCode.InternalServerError;
        if (response.Error is ApiException { InnerException: JsonException } unreadable)
        {
            throw HubSpotCalls.Translate("batch update", unreadable);
        }

        var error = HubSpotErrors.Parse((response.Error as ApiException)?.Content) ?? new HubSpotError { Message = response.Error?.Message ?? response.ReasonPhrase };
        var crmError = ToCrmError(error, ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var transient = HubSpotCalls.IsTransient(status) || IsTransient(error);
        return batch.Select(i => WriteResult.Failed(i.Id, transient, crmError));
    }

    private static WriteResult Failed(string id, List<HubSpotError> errors) =>
        WriteResult.Failed(id, errors.Any(IsTransient), [.. errors.Select(e => ToCrmError(e, e.Status))]);

    /// <summary>
    /// A refusal HubSpot says to retry later: a rate limit, a locked record (423 / <c>LOCKED</c>) or a concurrent-update
    /// <c>CONFLICT</c> on the record. Validation refusals (<c>VALIDATION_ERROR</c>, <c>INVALID_OPTION</c> …) are not.
    /// </summary>
    public static bool IsTransient(HubSpotError e) =>
        e.Category is "RATE_LIMITS" or "LOCKED" or "CONFLICT" || (int.TryParse(e.Status, out var s) && HubSpotCalls.IsTransient((HttpStatusCode)s));

    public static CrmError ToCrmError(HubSpotError e, string? fallbackCode) =>
        new(e.Category ?? fallbackCode ?? "ERROR", e.Message ?? "no message", [.. Strings(e, "propertyName").Concat(Strings(e, "properties"))]);

    public static IEnumerable<string> Strings(HubSpotError e, string key)
    {
        if (e.Context is null || !e.Context.TryGetValue(key, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array => [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText())],
            JsonValueKind.String => [value.GetString() ?? ""],
            JsonValueKind.Number => [value.GetRawText()],
            _ => [],
        };
    }
}
