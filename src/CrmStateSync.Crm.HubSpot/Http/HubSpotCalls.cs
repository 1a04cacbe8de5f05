using System.Net;
using System.Text.Json;
using CrmStateSync.Crm.Contract;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace CrmStateSync.Crm.HubSpot.Http;

/// <summary>
/// Runs one API call and turns what the pipeline could not absorb into the contract's exceptions: an outage (open
/// circuit, timeouts, network errors, 5xx/429 after retries) → <see cref="CrmUnavailableException"/>; HubSpot's daily
/// limit → <see cref="CrmBudgetExhaustedException"/>; anything else → <see cref="CrmException"/> with category and message.
/// </summary>
internal static class HubSpotCalls
{
    public static async Task<T> SendAsync<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            throw Translate(what, ex);
        }
        catch (Exception ex) when (Unwrap(ex) is { } inner && (inner is CrmException || IsOutage(inner)))
        {
            throw inner is CrmException crm ? Rethrow(crm) : Unavailable(what, inner);
        }
    }

    /// <summary>Refit wraps what the handlers threw in <see cref="ApiRequestException"/>; this is what they threw.</summary>
    public static Exception Unwrap(Exception ex) => ex is ApiRequestException { InnerException: { } inner } ? inner : ex;

    /// <summary>Rethrows a handler's contract exception as it was thrown.</summary>
    public static Exception Rethrow(CrmException ex)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex);
        return ex;
    }

    public static bool IsOutage(Exception ex) => ex is BrokenCircuitException or TimeoutRejectedException or HttpRequestException;

    public static CrmUnavailableException Unavailable(string what, Exception ex) =>
        new($"HubSpot {what} is unavailable: {ex.GetType().Name}: {ex.Message}", ex);

    public static CrmException Translate(string what, ApiException ex)
    {
        if (ex.InnerException is JsonException || (ex.StatusCode is >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices))
        {
            return new CrmException($"HubSpot {what} returned a response that could not be read: {ex.InnerException?.Message ?? ex.Message}", "UNREADABLE_RESPONSE", (int)ex.StatusCode, ex);
        }

        var error = HubSpotErrors.Parse(ex.Content);
        var status = (int)ex.StatusCode;
        var text = $"HubSpot {what} failed with {status}: {HubSpotErrors.Describe(error)}";
        if (ex.StatusCode == HttpStatusCode.TooManyRequests && error?.PolicyName == "DAILY")
        {
            return new CrmBudgetExhaustedException(text, "DAILY", status);
        }

        return IsTransient(ex.StatusCode)
            ? new CrmUnavailableException(text + " (after retries)", ex)
            : new CrmException(text, error?.Category, status, ex);
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.Locked or HttpStatusCode.RequestTimeout || (int)status >= 500;
}
