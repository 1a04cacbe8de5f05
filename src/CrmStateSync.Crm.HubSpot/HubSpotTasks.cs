using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.HubSpot.Http;

namespace CrmStateSync.Crm.HubSpot;

/// <summary>
/// Intervention tasks: created in batches associated to the company (<see cref="HubSpotTaskCreator"/>); found again
/// through the company's task associations and a batch read of their subject and status — not the search API, whose index lags writes by up to minutes, which is
/// exactly the window after a crash the lookup exists for.
/// </summary>
internal sealed class HubSpotTasks(IHubSpotApi api, HubSpotPaths paths, HubSpotOptions options)
{
    public const string Subject = "hs_task_subject";
    public const string Status = "hs_task_status";
    private const int ReadBatch = 100;

    private string TaskType => options.Mapping.Objects["Task"];

    /// <summary>The first task associated to the company that is not completed and whose subject carries the marker.</summary>
    public async Task<string?> FindOpenAsync(string companyId, string marker, CancellationToken cancellationToken)
    {
        var ids = await TaskIdsAsync(companyId, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in ids.Chunk(ReadBatch))
        {
            var request = new BatchReadRequest([.. chunk.Select(id => new IdInput(id))], [Subject, Status]);
            var page = await HubSpotCalls.SendAsync("read tasks", () => api.ReadObjectsAsync(paths.Objects(TaskType), request, cancellationToken)).ConfigureAwait(false);
            if ((page.Results ?? []).FirstOrDefault(t => IsOpenWithMarker(t, marker)) is { Id: { } found })
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Every task associated to the company, following each page's <c>after</c>.</summary>
    private async Task<List<string>> TaskIdsAsync(string companyId, CancellationToken cancellationToken)
    {
        var path = paths.Associations(options.Mapping.Objects["Account"], TaskType);
        var ids = new List<string>();
        string? after = null;
        do
        {
            var request = new BatchIdsRequest([new IdInput(companyId, after)]);
            var page = await HubSpotCalls.SendAsync("read company tasks", () => api.ReadAssociationsAsync(path, request, cancellationToken)).ConfigureAwait(false);
            var result = page.Results is [var only, ..] ? only : null;
            ids.AddRange((result?.To ?? []).Select(t => t.Id).OfType<string>());
            after = result?.Paging?.Next?.After;
        }
        while (after is not null);

        return ids;
    }

    private static bool IsOpenWithMarker(HubSpotObject task, string marker) =>
        Text(task, Subject)?.Contains(marker, StringComparison.Ordinal) == true
        && !string.Equals(Text(task, Status), "COMPLETED", StringComparison.OrdinalIgnoreCase);

    private static string? Text(HubSpotObject task, string property) =>
        task.Properties?.TryGetValue(property, out var value) == true && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;
}
