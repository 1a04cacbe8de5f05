using CrmStateSync.Crm.Contract;
using CrmStateSync.Store.Internal;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Store;

/// <summary>
/// The journal of task creates, on their reservations: marked "maybe created" before a create is sent, then completed
/// with the CRM's answer — its id, its refusal (code and message), or nothing when the answer was lost (the mark stays,
/// so the next cycle looks the task up by its marker before sending it again).
/// </summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>Marks the open reservations as sent, fate unknown until <see cref="CompleteTasksAsync"/>. Call before sending.</summary>
    public Task MarkTasksSentAsync(IReadOnlyList<TaskReservation> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var now = Now();
        return InTransactionAsync(
            (c, tx) => c.ExecAsync(
                """
                UPDATE intervention_tasks SET maybe_created = 1, attempts = attempts + 1, last_attempt_at = @Now
                WHERE account_id = @AccountId AND kind = @Kind AND status = 'Open' AND crm_task_id IS NULL
                """,
                tasks.Select(t => new { t.AccountId, Kind = t.Kind.ToString(), Now = now }).ToList(),
                tx,
                cancellationToken),
            cancellationToken);
    }

    /// <summary>Records each create's answer on its reservation (one transaction): created → its id; refused → its
    /// error, not created; unknown → its reason, still maybe created.</summary>
    public Task CompleteTasksAsync(IReadOnlyList<TaskReservation> tasks, IReadOnlyList<TaskResult> results, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(results);
        var rows = tasks.Zip(results, (t, r) => new
        {
            t.AccountId,
            Kind = t.Kind.ToString(),
            r.TaskId,
            MaybeCreated = r.Fate == TaskFate.Unknown ? 1 : 0,
            Code = r.Errors.Count > 0 ? r.Errors[0].Code : null,
            Message = r.Errors.Count > 0 ? string.Join("; ", r.Errors.Select(e => e.Message)) : null,
        }).ToList();
        return InTransactionAsync(
            (c, tx) => c.ExecAsync(
                """
                UPDATE intervention_tasks
                SET crm_task_id = COALESCE(@TaskId, crm_task_id), maybe_created = @MaybeCreated, last_error_code = @Code, last_error_message = @Message
                WHERE account_id = @AccountId AND kind = @Kind AND status = 'Open'
                """,
                rows,
                tx,
                cancellationToken),
            cancellationToken);
    }
}
