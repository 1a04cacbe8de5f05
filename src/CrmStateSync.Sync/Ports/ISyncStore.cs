using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Engine;

namespace CrmStateSync.Sync.Ports;

/// <summary>
/// What the sync engine needs from its local state (sync.md "SQLite"): cursors, the input cache, what the worker last
/// wrote, transition history, the conflict log, the write journal, intervention tasks and runs. The SQLite store
/// implements it; the engine never sees SQL. The store stores and the engine decides: what "changed" means
/// (<see cref="AccountSelection"/>) and what a logged conflict still means (<see cref="PriorConflicts"/>) are the engine's.
/// </summary>
public interface ISyncStore
{
    /// <summary>
    /// A dry run's store (<see cref="DryRun.ReadOnlySyncStore"/>, chosen by the composition): the engine then computes
    /// the plan and settles nothing. Default false.
    /// </summary>
    bool IsReadOnly => false;

    Task<PullCursor> GetCursorAsync(CrmObject crmObject, CancellationToken cancellationToken);

    Task SetCursorAsync(CrmObject crmObject, PullCursor cursor, CancellationToken cancellationToken);

    /// <summary>
    /// Upserts or deletes a run of changed records in the cache, all or none, and marks their accounts changed.
    /// Applying the same run twice changes nothing the second time.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<CrmChange<AccountRecord>> changes, CancellationToken cancellationToken);

    Task ApplyAsync(IReadOnlyList<CrmChange<OpportunityRecord>> changes, CancellationToken cancellationToken);

    Task ApplyAsync(IReadOnlyList<CrmChange<ContactRecord>> changes, CancellationToken cancellationToken);

    Task ApplyAsync(IReadOnlyList<CrmChange<UsageRecord>> changes, CancellationToken cancellationToken);

    /// <summary>
    /// After the pull's records are applied: records the children whose account the cache does not hold and closes
    /// those whose account arrived; returns the problems it recorded (with records that could not be cached).
    /// </summary>
    Task<int> ReviewPullAsync(CancellationToken cancellationToken);

    /// <summary>Records problems met while handling records outside the pull (an account whose evaluation failed) under the run.</summary>
    Task AddProblemsAsync(IReadOnlyList<RecordProblem> problems, CancellationToken cancellationToken);

    /// <summary>The accounts marked changed (their inputs changed since they were last evaluated and settled), in any order.</summary>
    Task<IReadOnlyList<string>> DirtyAccountsAsync(CancellationToken cancellationToken);

    /// <summary>Journaled writes the CRM refused that no later write replaced, oldest first.</summary>
    Task<IReadOnlyList<RejectedWrite>> RejectedWritesAsync(CancellationToken cancellationToken);

    /// <summary>The accounts kept aside with an open problem.</summary>
    Task<IReadOnlySet<string>> KeptAsideAccountsAsync(CancellationToken cancellationToken);

    /// <summary>The rejected writes of these accounts are no longer wanted (they were evaluated and need no write).</summary>
    Task SupersedeRejectedAsync(IReadOnlyList<string> accountIds, CancellationToken cancellationToken);

    /// <summary>Every cached account, in the cache's order.</summary>
    Task<IReadOnlyList<string>> CachedAccountsAsync(CancellationToken cancellationToken);

    /// <summary>Starts a reconciliation sweep of the object: the ids its full read applies are remembered.</summary>
    Task BeginSweepAsync(CrmObject crmObject, CancellationToken cancellationToken);

    /// <summary>Removes cached records of the object its full read did not return (missed deletions); returns how many.</summary>
    Task<int> EndSweepAsync(CrmObject crmObject, CancellationToken cancellationToken);

    /// <summary>When the last reconciliation read ran (remembered across processes), or null.</summary>
    Task<DateTimeOffset?> LastReconcileAsync(CancellationToken cancellationToken);

    Task SetLastReconcileAsync(DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The day every account was last evaluated (remembered across processes), or null.</summary>
    Task<DateOnly?> LastFullEvaluationAsync(CancellationToken cancellationToken);

    Task SetLastFullEvaluationAsync(DateOnly day, CancellationToken cancellationToken);

    Task ClearChangedAsync(IReadOnlyList<string> accountIds, CancellationToken cancellationToken);

    /// <summary>The account as the rules read it (cache + last written stage), and the CRM's managed values as text.</summary>
    Task<(AccountSnapshot Snapshot, IReadOnlyDictionary<string, string?> CrmText)?> LoadAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>What the worker last wrote per managed field of the account.</summary>
    Task<IReadOnlyDictionary<string, string?>> LastWrittenFieldsAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>The account's conflict log, oldest first.</summary>
    Task<IReadOnlyList<LoggedConflict>> ConflictsOfAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Every journaled write of the account, oldest first.</summary>
    Task<IReadOnlyList<JournaledWrite>> JournalOfAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Records the worker's own stage value (the rules' <see cref="LastWritten"/>).</summary>
    Task SetLastWrittenStageAsync(string accountId, LastWritten lastWritten, CancellationToken cancellationToken);

    Task AppendTransitionsAsync(string accountId, IReadOnlyList<Transition> transitions, CancellationToken cancellationToken);

    Task AddConflictsAsync(IReadOnlyList<ConflictRecord> conflicts, DateOnly detectedOn, CancellationToken cancellationToken);

    /// <summary>Journals a batch before it is sent; returns its id.</summary>
    Task<long> BeginBatchAsync(IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken);

    /// <summary>Marks the batch's records done or rejected and, for the done ones, records their fields as last written (one transaction).</summary>
    Task CompleteBatchAsync(long batchId, IReadOnlyList<WriteResult> results, CancellationToken cancellationToken);

    /// <summary>Journaled batches begun but never completed (a crash between send and confirm).</summary>
    Task<IReadOnlyList<PendingBatch>> PendingBatchesAsync(CancellationToken cancellationToken);

    /// <summary>Reserves the one open task of a kind for an account, keeping what it says; false when one is already open.</summary>
    Task<bool> TryReserveTaskAsync(TaskReservation task, CancellationToken cancellationToken);

    /// <summary>Open reservations whose CRM task id was never recorded (a crash between reserving and recording), oldest first.</summary>
    Task<IReadOnlyList<TaskReservation>> UnconfirmedTasksAsync(CancellationToken cancellationToken);

    /// <summary>Closes the open task reservation of a kind (its account is gone: no task can be created for it).</summary>
    Task CloseTaskAsync(string accountId, InterventionKind kind, CancellationToken cancellationToken);

    Task SetTaskIdAsync(string accountId, InterventionKind kind, string taskId, CancellationToken cancellationToken);

    /// <summary>Marks reservations as sent, fate unknown until <see cref="CompleteTasksAsync"/> (call before sending the creates).</summary>
    Task MarkTasksSentAsync(IReadOnlyList<TaskReservation> tasks, CancellationToken cancellationToken);

    /// <summary>Journals each create's answer on its reservation: the task id, the CRM's refusal (code and message), or a lost answer.</summary>
    Task CompleteTasksAsync(IReadOnlyList<TaskReservation> tasks, IReadOnlyList<TaskResult> results, CancellationToken cancellationToken);

    Task<long> StartRunAsync(string kind, DateTimeOffset startedAt, CancellationToken cancellationToken);

    Task FinishRunAsync(long runId, RunSummary summary, CancellationToken cancellationToken);

    /// <summary>How many runs of a kind (<c>sync</c>, <c>backfill</c>) the store has recorded, and when the first started.</summary>
    Task<(int Count, DateTimeOffset? FirstStartedAt)> RunsOfKindAsync(string kind, CancellationToken cancellationToken);
}

/// <summary>One account's intended write, as journaled: the fields (canonical keys) with their typed values and text.</summary>
public sealed record PlannedWrite(string AccountId, IReadOnlyList<FieldChange> Fields, LastWritten? Stage)
{
    /// <summary>
    /// Managed fields the CRM already holds at their computed value, so they are not sent; journaled with the write so
    /// that, once it lands, they count as the worker's last written value too and a later human edit of them is seen.
    /// Default none.
    /// </summary>
    public IReadOnlyList<FieldChange> Agreed { get; init; } = [];

    public AccountWrite ToAccountWrite() => new(AccountId, Fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal));
}

/// <summary>A journaled batch whose results never came back.</summary>
public sealed record PendingBatch(long Id, IReadOnlyList<PlannedWrite> Writes);
