using System.Net;
using System.Text.Json;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Crm.Salesforce.Api;
using Polly.CircuitBreaker;
using Refit;

namespace CrmStateSync.Crm.Salesforce.Writing;

/// <summary>
/// Creates intervention tasks with sObject Collections (<c>POST composite/sobjects</c>, <c>allOrNone: false</c>), at most
/// 200 a call, one result per task in request order. Never resends a create: the pipeline does not retry it after a lost
/// answer, and a lost answer comes back as <see cref="TaskFate.Unknown"/> for the caller to look up by marker. Task
/// creates stop with field writes once the <see cref="WriteBudget"/> share is used.
/// </summary>
internal sealed class TaskCreator(ISalesforceApi api, SalesforceOptions options, WriteBudget budget)
{
    public const int BatchLimit = 200;

    /// <summary>The code of a create whose answer never came back.</summary>
    public const string AnswerLost = "ANSWER_LOST";

    private string SObject => options.Mapping.Objects["Task"];

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

    private TaskBody Body(TaskRequest task) => new(
        new SObjectAttributes(SObject), task.AccountId, task.OwnerId, task.StoredSubject, task.Description, SalesforceValueFormat.Instance.FormatDate(task.Due), "Not Started");

    private async Task<IEnumerable<TaskResult>> SendAsync(TaskRequest[] batch, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await api.CreateRecordsAsync(options.ApiVersion, new CompositeCreate(false, [.. batch.Select(Body)]), true, cancellationToken).ConfigureAwait(false);
            return saved.Count == batch.Length
                ? batch.Select((t, i) => ToResult(t.AccountId, saved[i]))
                : Lost(batch, $"Salesforce answered {batch.Length} creates with {saved.Count} results");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(batch, SalesforceErrors.Unwrap(ex), cancellationToken);
        }
    }

    private static TaskResult ToResult(string accountId, SaveResult saved)
    {
        if (saved is { Success: true, Id: { Length: > 0 } id })
        {
            return TaskResult.Created(accountId, id);
        }

        var refusal = SaveResults.ToWriteResult(saved with { Success = false }, accountId);
        return TaskResult.Refused(accountId, refusal.Transient, [.. refusal.Errors]);
    }

    /// <summary>
    /// What a failed call means for its tasks: refused (the CRM answered with an error, or the request never left), or
    /// unknown (the answer was lost, or a 5xx after the work may have been done). A contract exception (budget, auth) ends the cycle.
    /// </summary>
    private static IEnumerable<TaskResult> Failed(TaskRequest[] batch, Exception ex, CancellationToken cancellationToken) => ex switch
    {
        CrmException crm => throw crm,
        ApiException { InnerException: JsonException } => Lost(batch, "Salesforce's answer to the task creation could not be read"),
        ApiException api when IsRefusal(api.StatusCode) => Refused(batch, api),
        ApiException api => Lost(batch, $"Salesforce answered the task creation with {(int)api.StatusCode}: {SalesforceErrors.Parse(api.Content, api.StatusCode).Message}"),
        BrokenCircuitException => batch.Select(t => TaskResult.Refused(t.AccountId, true, new CrmError("CIRCUIT_OPEN", "Salesforce is unavailable (circuit open); the task was not sent", []))),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => batch.Select(t => TaskResult.Refused(t.AccountId, true, new CrmError("UNREACHABLE", ex.Message, []))),
        _ when SalesforceErrors.IsUnavailable(ex, cancellationToken) => Lost(batch, $"{ex.GetType().Name}: {ex.Message}"),
        _ => throw SalesforceErrors.Translate(ex, "the task creation", cancellationToken),
    };

    /// <summary>Answers that refuse the whole call before any record is processed: 4xx, 429, 503.</summary>
    private static bool IsRefusal(HttpStatusCode status) =>
        (int)status < 500 || status is HttpStatusCode.ServiceUnavailable;

    private static IEnumerable<TaskResult> Refused(TaskRequest[] batch, ApiException api)
    {
        var error = SalesforceErrors.Parse(api.Content, api.StatusCode);
        var transient = api.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable || SaveResults.TransientCodes.Contains(error.Code);
        return batch.Select(t => TaskResult.Refused(t.AccountId, transient, new CrmError(error.Code, error.Message, [])));
    }

    private static IEnumerable<TaskResult> Lost(TaskRequest[] batch, string why) =>
        batch.Select(t => TaskResult.Unknown(t.AccountId, new CrmError(AnswerLost, Http.Redactor.Redact(why) + "; the task is looked up by its marker before it is sent again", [])));
}
