using System.Globalization;
using System.Net;
using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.HubSpot.Http;
using Polly.CircuitBreaker;
using Refit;

namespace CrmStateSync.Crm.HubSpot;

/// <summary>
/// One <see cref="TaskResult"/> per input of a batch create. Results and errors are matched to inputs by the
/// <c>objectWriteTraceId</c> each input carries (its index), else by the marker in the subject. A task is created only
/// when a result names it; refused when an error does (or the call was refused before processing); unknown when the
/// answer was lost or says nothing about it — the caller then looks it up by marker before sending it again.
/// </summary>
internal static class TaskBatchOutcome
{
    public const string AnswerLost = "ANSWER_LOST";

    public static IReadOnlyList<TaskResult> FromBody(TaskRequest[] batch, BatchResponse body)
    {
        var created = new Dictionary<int, string>();
        foreach (var result in body.Results ?? [])
        {
            if (result.Id is { } id && IndexOf(batch, result) is { } index)
            {
                created[index] = id;
            }
        }

        var refused = new Dictionary<int, List<HubSpotError>>();
        var unattributed = new List<HubSpotError>();
        foreach (var error in body.Errors ?? [])
        {
            var indexes = BatchOutcome.Strings(error, "objectWriteTraceId").Select(Index).OfType<int>().ToList();
            (indexes.Count == 0 ? unattributed : null)?.Add(error);
            indexes.ForEach(i => (refused.TryGetValue(i, out var list) ? list : refused[i] = []).Add(error));
        }

        return [.. batch.Select((task, i) =>
            created.TryGetValue(i, out var id) ? TaskResult.Created(task.AccountId, id)
            : refused.TryGetValue(i, out var errors) ? Refused(task, errors)
            : unattributed.Count > 0 ? Refused(task, unattributed)
            : TaskResult.Unknown(task.AccountId, new CrmError(AnswerLost, "HubSpot's batch create answer neither created nor refused this task", [])))];
    }

    /// <summary>An error answer for the whole call: refused before processing (4xx, 429, 423, 503), else unknown (other 5xx, unreadable).</summary>
    public static IReadOnlyList<TaskResult> FromFailure(TaskRequest[] batch, HttpStatusCode status, Exception? failure)
    {
        if (failure is ApiException { InnerException: JsonException } || (int)status >= 500 && status != HttpStatusCode.ServiceUnavailable)
        {
            return Lost(batch, $"HubSpot answered the task batch create with {(int)status}");
        }

        var error = HubSpotErrors.Parse((failure as ApiException)?.Content) ?? new HubSpotError { Message = failure?.Message };
        error.Status ??= ((int)status).ToString(CultureInfo.InvariantCulture);
        var transient = HubSpotCalls.IsTransient(status) || BatchOutcome.IsTransient(error);
        return [.. batch.Select(t => TaskResult.Refused(t.AccountId, transient, BatchOutcome.ToCrmError(error, error.Status)))];
    }

    /// <summary>The call failed without an answer: never sent (open circuit, no connection) → refused; sent → unknown.</summary>
    public static IReadOnlyList<TaskResult> FromException(TaskRequest[] batch, Exception ex) => ex switch
    {
        CrmException crm => throw HubSpotCalls.Rethrow(crm),
        BrokenCircuitException => [.. batch.Select(t => TaskResult.Refused(t.AccountId, true, new CrmError("CIRCUIT_OPEN", "HubSpot is unavailable (circuit open); the task was not sent", [])))],
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => [.. batch.Select(t => TaskResult.Refused(t.AccountId, true, new CrmError("UNREACHABLE", ex.Message, [])))],
        _ when HubSpotCalls.IsOutage(ex) || ex is TaskCanceledException or IOException => Lost(batch, $"{ex.GetType().Name}: {ex.Message}"),
        _ => throw new CrmException($"HubSpot task batch create failed: {ex.Message}", ex),
    };

    private static TaskResult Refused(TaskRequest task, List<HubSpotError> errors) =>
        TaskResult.Refused(task.AccountId, errors.All(BatchOutcome.IsTransient), [.. errors.Select(e => BatchOutcome.ToCrmError(e, e.Status))]);

    private static IReadOnlyList<TaskResult> Lost(TaskRequest[] batch, string why) =>
        [.. batch.Select(t => TaskResult.Unknown(t.AccountId, new CrmError(AnswerLost, CrmStateSync.Crm.Http.Redactor.Redact(why) + "; the task is looked up by its marker before it is sent again", [])))];

    private static int? IndexOf(TaskRequest[] batch, HubSpotObject result)
    {
        if (Index(result.ObjectWriteTraceId) is { } traced && traced < batch.Length)
        {
            return traced;
        }

        var subject = result.Properties?.TryGetValue(HubSpotTasks.Subject, out var s) == true && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        var match = Array.FindIndex(batch, t => t.Marker is { Length: > 0 } marker && subject?.Contains(marker, StringComparison.Ordinal) == true);
        return match >= 0 ? match : null;
    }

    private static int? Index(string? traceId) =>
        int.TryParse(traceId, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
}
