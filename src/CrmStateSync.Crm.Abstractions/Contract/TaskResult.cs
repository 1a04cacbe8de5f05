namespace CrmStateSync.Crm.Contract;

/// <summary>What became of one task create.</summary>
public enum TaskFate
{
    /// <summary>The CRM confirmed the task and gave its id.</summary>
    Created,

    /// <summary>The CRM refused the task, or it was never sent (budget share, open circuit): no task exists.</summary>
    Refused,

    /// <summary>
    /// The create was sent but its answer was lost (connection reset, timeout, a 5xx after it may have landed): the
    /// task may or may not exist, so it must be looked up by its marker before it is sent again.
    /// </summary>
    Unknown,
}

/// <summary>The outcome of one task create, in the order of the requests.</summary>
/// <param name="AccountId">The account the task is for.</param>
/// <param name="Fate">Created, refused, or unknown (answer lost).</param>
/// <param name="TaskId">The CRM's task id when <see cref="TaskFate.Created"/>, else null.</param>
/// <param name="Errors">The CRM's errors (code and message as it said them), or why the fate is unknown.</param>
/// <param name="Transient">A refusal worth retrying on a later cycle (locked row, throttling, the budget share).</param>
public sealed record TaskResult(string AccountId, TaskFate Fate, string? TaskId, IReadOnlyList<CrmError> Errors, bool Transient)
{
    public static TaskResult Created(string accountId, string taskId) => new(accountId, TaskFate.Created, taskId, [], false);

    public static TaskResult Refused(string accountId, bool transient, params CrmError[] errors) => new(accountId, TaskFate.Refused, null, errors, transient);

    public static TaskResult Unknown(string accountId, CrmError why) => new(accountId, TaskFate.Unknown, null, [why], true);
}

/// <summary>Conveniences over <see cref="ICrmConnector"/>.</summary>
public static class CrmConnectorExtensions
{
    /// <summary>Creates one task (a batch of one): its result, never an exception for a refusal or a lost answer.</summary>
    public static async Task<TaskResult> CreateTaskAsync(this ICrmConnector connector, TaskRequest task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var results = await connector.CreateTasksAsync([task], cancellationToken).ConfigureAwait(false);
        return results.Single();
    }
}
