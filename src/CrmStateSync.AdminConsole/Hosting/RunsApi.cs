using CrmStateSync.AdminConsole.Pages.Runs;
using CrmStateSync.Store.ReadModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmStateSync.AdminConsole.Hosting;

/// <summary>
/// The JSON of the run page (read only): <c>/api/runs/{id}</c> (the run, its calls by kind, its first problems and
/// refused writes).
/// </summary>
internal static class RunsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/runs/{id:long}", RunAsync);
    }

    private static async Task<IResult> RunAsync(StoreReader store, long id, long? problems, long? rejected, CancellationToken ct)
    {
        if (await store.RunAsync(id, ct).ConfigureAwait(false) is not { } run)
        {
            return Results.NotFound();
        }

        var problemPage = await store.RunProblemsAsync(id, problems, RunModel.PageSize, ct).ConfigureAwait(false);
        var rejectedPage = await store.RunRejectedWritesAsync(id, rejected, RunModel.PageSize, ct).ConfigureAwait(false);
        return Results.Json(new
        {
            run,
            callsByKind = RunCalls.ByKind(run).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal),
            problems = problemPage,
            rejectedWrites = new
            {
                items = rejectedPage.Items.Select(w => new { w.Id, w.AccountId, w.AccountName, w.Status, w.CompletedAt, values = w.Values, errors = w.Errors }),
                rejectedPage.HasMore,
            },
        });
    }
}
