using CrmStateSync.Store.ReadModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmStateSync.AdminConsole.Hosting;

/// <summary>
/// The console's JSON API (read only, for scripts and monitoring): the same facts as the pages, under <c>/api</c>,
/// behind the same sign-in; without a session it answers 401, never a redirect.
/// </summary>
internal static class ConsoleApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/overview", async (StoreReader store, TimeProvider clock, CancellationToken ct) =>
            Results.Json(await store.OverviewAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), 10, ct).ConfigureAwait(false)));
        api.MapGet("/runs", async (StoreReader store, long? before, CancellationToken ct) =>
            Results.Json(await store.RunsAsync(before, 50, ct).ConfigureAwait(false)));
        RunsApi.Map(api);
        AccountsApi.Map(api);
    }
}
