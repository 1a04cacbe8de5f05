using CrmStateSync.Rules.Model;
using CrmStateSync.Store.Internal;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Store;

/// <summary>
/// Intervention tasks: reserve before creating the CRM task, so an account never gets two open tasks of a kind, even
/// across restarts. A reservation without a CRM task id (a crash in between) shows in <see cref="OpenTasksAsync"/>.
/// </summary>
public sealed partial class SqliteSyncStore
{
    /// <summary>Reserves an open task of this kind for the account, keeping what it says; false when one is already open.</summary>
    public async Task<bool> TryReserveTaskAsync(TaskReservation task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return await InTransactionAsync(
            (c, tx) => c.ExecAsync(
                """
                INSERT OR IGNORE INTO intervention_tasks (account_id, kind, status, reserved_at, owner_id, reason, due, maybe_created)
                VALUES (@AccountId, @Kind, 'Open', @Now, @OwnerId, @Reason, @Due, 0)
                """,
                new { task.AccountId, Kind = task.Kind.ToString(), Now = Now(), task.OwnerId, task.Reason, Due = Iso.Date(task.Due) },
                tx,
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Records the CRM task id of the open reservation; false when there is none.</summary>
    public async Task<bool> SetTaskIdAsync(string accountId, InterventionKind kind, string crmTaskId, CancellationToken cancellationToken) =>
        await InTransactionAsync(
            (c, tx) => c.ExecAsync(
                "UPDATE intervention_tasks SET crm_task_id = @CrmTaskId, maybe_created = 0 WHERE account_id = @AccountId AND kind = @Kind AND status = 'Open'",
                new { AccountId = accountId, Kind = kind.ToString(), CrmTaskId = crmTaskId },
                tx,
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Closes the open task of this kind (a new one may then be reserved); false when there is none.</summary>
    public async Task<bool> CloseTaskAsync(string accountId, InterventionKind kind, CancellationToken cancellationToken) =>
        await InTransactionAsync(
            (c, tx) => c.ExecAsync(
                "UPDATE intervention_tasks SET status = 'Closed', closed_at = @Now WHERE account_id = @AccountId AND kind = @Kind AND status = 'Open'",
                new { AccountId = accountId, Kind = kind.ToString(), Now = Now() },
                tx,
                cancellationToken),
            cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>The open tasks (of one account when given), oldest first.</summary>
    public Task<IReadOnlyList<InterventionTask>> OpenTasksAsync(string? accountId, CancellationToken cancellationToken) =>
        UseAsync(
            async c =>
            {
                var rows = await c.ListAsync<TaskDbRow>(
                    """
                    SELECT id AS Id, account_id AS AccountId, kind AS Kind, crm_task_id AS CrmTaskId, reserved_at AS ReservedAt,
                           maybe_created AS MaybeCreated, attempts AS Attempts, last_error_code AS LastErrorCode, last_error_message AS LastErrorMessage
                    FROM intervention_tasks WHERE status = 'Open' AND (@AccountId IS NULL OR account_id = @AccountId) ORDER BY id
                    """,
                    new { AccountId = accountId },
                    null,
                    cancellationToken).ConfigureAwait(false);
                return (IReadOnlyList<InterventionTask>)rows.ConvertAll(r =>
                    new InterventionTask(r.Id, r.AccountId, Enum.Parse<InterventionKind>(r.Kind), r.CrmTaskId, Iso.ParseInstant(r.ReservedAt))
                    {
                        MaybeCreated = r.MaybeCreated,
                        Attempts = r.Attempts,
                        LastErrorCode = r.LastErrorCode,
                        LastErrorMessage = r.LastErrorMessage,
                    });
            },
            cancellationToken);

    /// <summary>
    /// Open reservations without a CRM task id, oldest first, each saying whether a create of it may have landed. One
    /// reserved before version 5 kept no reason or due date: it comes back with an empty reason, due on the day it was reserved.
    /// </summary>
    public Task<IReadOnlyList<TaskReservation>> UnconfirmedTasksAsync(CancellationToken cancellationToken) =>
        UseAsync(
            async c =>
            {
                var rows = await c.ListAsync<TaskDbRow>(
                    """
                    SELECT id AS Id, account_id AS AccountId, kind AS Kind, reserved_at AS ReservedAt, owner_id AS OwnerId, reason AS Reason, due AS Due,
                           maybe_created AS MaybeCreated
                    FROM intervention_tasks WHERE status = 'Open' AND crm_task_id IS NULL ORDER BY id
                    """,
                    null,
                    null,
                    cancellationToken).ConfigureAwait(false);
                return (IReadOnlyList<TaskReservation>)rows.ConvertAll(r => new TaskReservation(
                    r.AccountId, Enum.Parse<InterventionKind>(r.Kind), r.OwnerId, r.Reason ?? "", Iso.ParseDateOrNull(r.Due) ?? DateOnly.FromDateTime(Iso.ParseInstant(r.ReservedAt).UtcDateTime))
                {
                    MaybeCreated = r.MaybeCreated,
                });
            },
            cancellationToken);

    private sealed class TaskDbRow
    {
        public long Id { get; set; }
        public string AccountId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? CrmTaskId { get; set; }
        public string ReservedAt { get; set; } = "";

        public string? OwnerId { get; set; }

        public string? Reason { get; set; }

        public string? Due { get; set; }

        public bool MaybeCreated { get; set; }

        public int Attempts { get; set; }

        public string? LastErrorCode { get; set; }

        public string? LastErrorMessage { get; set; }
    }
}
