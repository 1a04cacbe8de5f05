using System.Globalization;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.HubSpot.Http;
using Refit;

namespace CrmStateSync.Crm.HubSpot;

/// <summary>
/// Creates intervention tasks with <c>POST …/tasks/batch/create</c>, at most 100 a call, each associated to its company
/// (type 192) and carrying its index as <c>objectWriteTraceId</c> so results and errors are matched to inputs. Never
/// resends a create: the pipeline does not retry it after a lost answer, which comes back as <see cref="TaskFate.Unknown"/>.
/// Task creates stop with field writes once the <see cref="HubSpotWriteBudget"/> share is used.
/// </summary>
internal sealed class HubSpotTaskCreator(IHubSpotApi api, HubSpotPaths paths, HubSpotOptions options, HubSpotWriteBudget budget)
{
    public const int BatchLimit = 100;

    /// <summary>HubSpot's built-in task → company association type.</summary>
    public const int TaskToCompanyTypeId = 192;

    private string TaskType => options.Mapping.Objects["Task"];

    public async Task<IReadOnlyList<TaskResult>> CreateAsync(IReadOnlyList<TaskRequest> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var results = new List<TaskResult>(tasks.Count);
        foreach (var batch in tasks.Chunk(BatchLimit))
        {
            results.AddRange(budget.Spent() is { } spent
                ? batch.Select(t => TaskResult.Refused(t.AccountId, true, spent))
                : await SendAsync(batch, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private static CreateObjectRequest Input(TaskRequest task, int index)
    {
        var due = new DateTimeOffset(task.Due.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [HubSpotTasks.Subject] = task.StoredSubject,
            ["hs_task_body"] = task.Description,
            ["hs_timestamp"] = due.ToString(CultureInfo.InvariantCulture),
            [HubSpotTasks.Status] = "NOT_STARTED",
        };
        if (task.OwnerId is { Length: > 0 } owner)
        {
            properties["hubspot_owner_id"] = owner;
        }

        AssociationInput[] associations = [new(new IdInput(task.AccountId), [new AssociationTypeInput("HUBSPOT_DEFINED", TaskToCompanyTypeId)])];
        return new CreateObjectRequest(properties, associations, index.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<IReadOnlyList<TaskResult>> SendAsync(TaskRequest[] batch, CancellationToken cancellationToken)
    {
        var request = new BatchCreateRequest([.. batch.Select(Input)]);
        IApiResponse<BatchResponse> response;
        try
        {
            response = await api.CreateObjectsAsync(paths.Objects(TaskType), request, true, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            return TaskBatchOutcome.FromFailure(batch, ex.StatusCode, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return TaskBatchOutcome.FromException(batch, HubSpotCalls.Unwrap(ex));
        }

        using (response)
        {
            if (response.StatusCode is null && response.Error is { } error)
            {
                return TaskBatchOutcome.FromException(batch, HubSpotCalls.Unwrap(error));
            }

            return response.IsSuccessStatusCode && response.Content is { } body
                ? TaskBatchOutcome.FromBody(batch, body)
                : TaskBatchOutcome.FromFailure(batch, response.StatusCode ?? System.Net.HttpStatusCode.InternalServerError, response.Error);
        }
    }
}
