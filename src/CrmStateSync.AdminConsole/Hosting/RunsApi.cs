using CrmStateSync.AdminConsole.Pages.Runs;
using CrmStateSync.Store.ReadModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmStateSync.AdminConsole.Hosting;

/// <summary>
/// The JSON of the runs and conflicts pages (read only): <c>/api/runs/{id}</c> (the run, its calls by kind, its first
/// problems and refused writes) and <c>/api/conflicts</c> with the list page's filters and paging.
/// </summary>
internal static class RunsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/runs/{id:long}", RunAsync);
        api.MapGet("/conflicts", ConflictsAsync);
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

    private static async Task<IResult> ConflictsAsync(StoreReader store, bool? open, string? field, string? account, DateOnly? since, long? before, CancellationToken ct) =>
        Results.Json(await store.ConflictsAsync(new ConflictQuery(open ?? false, field, account, since), before, Pages.Conflicts.IndexModel.PageSize, ct).ConfigureAwait(false));
}
