using CrmStateSync.AdminConsole.Pages;
using CrmStateSync.Store.ReadModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmStateSync.AdminConsole.Hosting;

/// <summary>
/// Accounts in the JSON API (read only): the same search and the same account as the pages — <c>/api/accounts?q=&amp;after=</c>
/// (a page of 50; pass the last id as <c>after</c> for the next) and <c>/api/accounts/{id}</c> (404 when unknown).
/// </summary>
internal static class AccountsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/accounts", async (StoreReader store, string? q, string? after, CancellationToken ct) =>
            Results.Json(await store.AccountsAsync(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), after, AccountsModel.PageSize, ct).ConfigureAwait(false)));
        api.MapGet("/accounts/{id}", async (StoreReader store, string id, CancellationToken ct) =>
            await store.AccountAsync(id, ct).ConfigureAwait(false) is { } account ? Results.Json(account) : Results.NotFound());
    }
}
