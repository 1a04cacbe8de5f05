using System.Net;
using System.Text.Json;
using CrmStateSync.Crm.Contract;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace CrmStateSync.Crm.Salesforce;

/// <summary>Salesforce error bodies (<c>[{message, errorCode, fields?}]</c>) and the contract's exceptions for them.</summary>
internal static class SalesforceErrors
{
    public readonly record struct Error(string Code, string Message);

    public static async Task<Error> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Parse(body, response.StatusCode);
    }

    /// <summary>The first error of the body, or the HTTP status when the body is not the documented array.</summary>
    public static Error Parse(string? body, HttpStatusCode status)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(body) && JsonSerializer.Deserialize<List<Api.ApiError>>(body, Api.SalesforceJson.Options) is [var first, ..])
            {
                return new Error(first.ErrorCode ?? "HTTP_" + (int)status, first.Message ?? "");
            }
        }
        catch (JsonException)
        {
            // Not the documented array (an HTML error page, an object): fall through to the status.
        }

        var text = body is null ? "" : body.Length > 200 ? body[..200] : body;
        return new Error("HTTP_" + (int)status, text);
    }

    /// <summary>Runs one call; a failure is the contract's exception for <paramref name="operation"/> (a caller's cancellation stays one).</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Translate(ex, operation, cancellationToken);
        }
    }

    /// <summary>The CRM is down or unreachable: network failure, timeout, open circuit (not a caller's cancellation).</summary>
    public static bool IsUnavailable(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
        || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    /// <summary>The contract's exception for a failed call of <paramref name="operation"/>.</summary>
    public static CrmException Translate(Exception ex, string operation, CancellationToken cancellationToken) => Unwrap(ex) switch
    {
        CrmException crm => crm,
        ApiException { InnerException: JsonException json } api => new CrmException(
            $"Salesforce answered {operation} with a body that is not the documented JSON: {json.Message}", "MALFORMED_RESPONSE", (int)api.StatusCode, api),
        ApiException api => FromApi(api, operation),
        JsonException json => new CrmException($"Salesforce answered {operation} with a body that is not the documented JSON: {json.Message}", "MALFORMED_RESPONSE", null, json),
        var inner when IsUnavailable(inner, cancellationToken) => new CrmUnavailableException($"Salesforce is unavailable for {operation}: {ex.Message}", ex),
        _ => new CrmException($"Salesforce {operation} failed: {ex.Message}", null, null, ex),
    };

    /// <summary>What a handler threw, without Refit's <see cref="ApiRequestException"/> wrapper.</summary>
    public static Exception Unwrap(Exception ex)
    {
        while (ex is ApiRequestException { InnerException: { } inner })
        {
            ex = inner;
        }

        return ex;
    }

    private static CrmException FromApi(ApiException api, string operation)
    {
        var error = Parse(api.Content, api.StatusCode);
        var message = $"Salesforce refused {operation} with {(int)api.StatusCode} {error.Code}: {error.Message}";
        return (int)api.StatusCode >= 500 || api.StatusCode == HttpStatusCode.TooManyRequests
            ? new CrmUnavailableException(message, api)
            : new CrmException(message, error.Code, (int)api.StatusCode, api);
    }
}
