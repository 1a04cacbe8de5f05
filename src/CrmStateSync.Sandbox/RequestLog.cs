using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmStateSync.Sandbox;

/// <summary>
/// Requests the sandbox answered, by method and route (e.g. <c>GET /services/data/{version}/query/{locator}</c>): the
/// CRM's own count of the worker's API calls by kind, for the scale benchmark; 429 answers are also counted apart, as
/// <c>429 METHOD route</c>. Also served at <c>GET /_sandbox/requests</c>.
/// </summary>
public sealed class RequestLog
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Calls per <c>METHOD route</c>, sorted by key.</summary>
    public IReadOnlyDictionary<string, long> Counts => new SortedDictionary<string, long>(_counts, StringComparer.Ordinal);

    internal void Attach(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next(context).ConfigureAwait(false);
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            if (!route.StartsWith("/_sandbox", StringComparison.Ordinal))
            {
                _counts.AddOrUpdate($"{context.Request.Method} {route}", 1, (_, n) => n + 1);
                if (context.Response.StatusCode == StatusCodes.Status429TooManyRequests)
                {
                    _counts.AddOrUpdate($"429 {context.Request.Method} {route}", 1, (_, n) => n + 1);
                }
            }
        });
        app.MapGet("/_sandbox/requests", () => Results.Json(Counts));
    }
}
