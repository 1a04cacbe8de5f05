using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CrmStateSync.Sandbox.HubSpot;

/// <summary>
/// The HubSpot CRM subset of crm-apis.md: list, search (10,000 cap), batch read/update, v4 association reads,
/// properties (read, create, options update, groups), task creation (one, or a batch of up to 100). Every <c>/crm</c> call needs the bearer token and counts in the rolling 10-second window;
/// with an enforced budget, a request past it is 429 TEN_SECONDLY_ROLLING. Searches also count in their own rolling second
/// (<see cref="SandboxOptions.HubSpotSearchesPerSecond"/>); a search past it is 429 SECONDLY.
/// </summary>
internal static class HubSpotEndpoints
{
    public static void Map(WebApplication app, HubSpotPortal portal)
    {
        var schema = portal.Properties;
        var definitions = new HubSpotPropertyWrites(portal);
        var reads = new HubSpotReads(portal);
        var writes = new HubSpotWrites(portal, schema);
        var creates = new HubSpotCreates(portal);
        app.Use((context, next) => Guard(context, next, portal));
        app.MapGet("/crm/v3/objects/{type}", Handle(c => reads.ListAsync(c, Route(c, "type"))));
        app.MapPost("/crm/v3/objects/{type}/search", Handle(c => reads.SearchAsync(c, Route(c, "type"))));
        app.MapPost("/crm/v3/objects/{type}/batch/read", Handle(c => reads.BatchReadAsync(c, Route(c, "type"))));
        app.MapPost("/crm/v3/objects/{type}/batch/update", Handle(c => writes.BatchUpdateAsync(c, Route(c, "type"))));
        app.MapPost("/crm/v3/objects/{type}/batch/create", Handle(c => creates.BatchCreateAsync(c, Route(c, "type"))));
        app.MapPost("/crm/v3/objects/{type}", Handle(c => creates.CreateAsync(c, Route(c, "type"))));
        app.MapPost("/crm/v4/associations/{from}/{to}/batch/read", Handle(c => reads.AssociationsAsync(c, Route(c, "from"), Route(c, "to"))));
        app.MapGet("/crm/v3/properties/{type}", Handle(c => Task.FromResult(schema.List(Route(c, "type")))));
        app.MapPost("/crm/v3/properties/{type}", Handle(c => definitions.CreateAsync(c, Route(c, "type"))));
        app.MapGet("/crm/v3/properties/{type}/groups", Handle(c => Task.FromResult(definitions.ListGroups(Route(c, "type")))));
        app.MapPost("/crm/v3/properties/{type}/groups", Handle(c => definitions.CreateGroupAsync(c, Route(c, "type"))));
        app.MapMethods("/crm/v3/properties/{type}/{name}", ["PATCH"], Handle(c => definitions.UpdateAsync(c, Route(c, "type"), Route(c, "name"))));
    }

    private static RequestDelegate Handle(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context).ConfigureAwait(false)).ExecuteAsync(context).ConfigureAwait(false);

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? "";

    private static Task Guard(HttpContext context, RequestDelegate next, HubSpotPortal portal)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/crm/", StringComparison.Ordinal))
        {
            return next(context);
        }

        if (context.Request.Headers.Authorization.ToString() != "Bearer " + portal.Options.HubSpotToken)
        {
            return HubSpotErrors.WriteAsync(context, 401, "INVALID_AUTHENTICATION", "Authentication credentials not found or invalid.");
        }

        var (allowed, remaining) = portal.Admit();
        var headers = context.Response.Headers;
        var limit = portal.Options.HubSpotTenSecondLimit.ToString(CultureInfo.InvariantCulture);
        if (!allowed)
        {
            headers["X-HubSpot-RateLimit-Max"] = limit;
            headers["X-HubSpot-RateLimit-Remaining"] = "0";
            headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = "10000";
            context.Response.StatusCode = 429;
            return context.Response.WriteAsJsonAsync(new
            {
                status = "error", errorType = "RATE_LIMIT", policyName = "TEN_SECONDLY_ROLLING",
                message = $"You have reached your ten_secondly_rolling limit of {limit}.", correlationId = Guid.NewGuid(),
            });
        }

        var search = path.EndsWith("/search", StringComparison.Ordinal);
        if (search && !portal.AdmitSearch())
        {
            // The search endpoints' own per-second limit; like other search responses, no rate-limit headers.
            context.Response.StatusCode = 429;
            return context.Response.WriteAsJsonAsync(new
            {
                status = "error", errorType = "RATE_LIMIT", policyName = "SECONDLY",
                message = "You have reached your secondly limit.", correlationId = Guid.NewGuid(),
            });
        }

        if (!search)
        {
            // Documented as absent on some responses, e.g. search.
            headers["X-HubSpot-RateLimit-Max"] = limit;
            headers["X-HubSpot-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
            headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = "10000";
            headers["X-HubSpot-RateLimit-Daily"] = portal.Options.HubSpotDailyLimit.ToString(CultureInfo.InvariantCulture);
            headers["X-HubSpot-RateLimit-Daily-Remaining"] = Math.Max(0, portal.Options.HubSpotDailyLimit - portal.DailyUsed).ToString(CultureInfo.InvariantCulture);
        }

        return next(context);
    }
}

/// <summary>HubSpot's error body: <c>{status:"error", message, correlationId, category, errors}</c>.</summary>
internal static class HubSpotErrors
{
    public static object Body(string category, string message) =>
        new { status = "error", message, correlationId = Guid.NewGuid(), category, errors = Array.Empty<object>() };

    public static IResult Error(int status, string category, string message) => Results.Json(Body(category, message), statusCode: status);

    public static Task WriteAsync(HttpContext context, int status, string category, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Body(category, message));
    }
}
