using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.DryRun;

/// <summary>
/// The store of a dry run (sync.md <c>--dry-run</c>: "computes and prints the plan … without writing"), chosen by the
/// composition, not a flag of the engine: reads pass through; the pull still keeps the cache current (its applied
/// records, their changed marks and the problems its review records pass through, as they always did in a dry run);
/// every other write is swallowed — run rows, journal, history, conflicts, the worker's stage, cursors, the days
/// remembered, changed marks cleared, superseded rejections, sweeps, task reservations and problems. Nothing left
/// over is recovered either (no pending batch, no unconfirmed task): recovering would call the CRM. No reconciliation
/// has ever run as far as a dry run knows, so it never reconciles.
/// </summary>
public sealed class ReadOnlySyncStore(ISyncStore inner) : ISyncStore
{
    private readonly ISyncStore _inner = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc/>
    public bool IsReadOnly => true;

    // The pull: cursors read, records applied to the cache (and their accounts marked changed), the pull reviewed.
    public Task<PullCursor> GetCursorAsync(CrmObject crmObject, CancellationToken cancellationToken) => _inner.GetCursorAsync(crmObject, cancellationToken);

    public Task ApplyAsync(IReadOnlyList<CrmChange<AccountRecord>> changes, CancellationToken cancellationToken) => _inner.ApplyAsync(changes, cancellationToken);

    public Task ApplyAsync(IReadOnlyList<CrmChange<OpportunityRecord>> changes, CancellationToken cancellationToken) => _inner.ApplyAsync(changes, cancellationToken);

    public Task ApplyAsync(IReadOnlyList<CrmChange<ContactRecord>> changes, CancellationToken cancellationToken) => _inner.ApplyAsync(changes, cancellationToken);

    public Task ApplyAsync(IReadOnlyList<CrmChange<UsageRecord>> changes, CancellationToken cancellationToken) => _inner.ApplyAsync(changes, cancellationToken);

    public Task<int> ReviewPullAsync(CancellationToken cancellationToken) => _inner.ReviewPullAsync(cancellationToken);

    // Reads.
    public Task<IReadOnlyList<string>> DirtyAccountsAsync(CancellationToken cancellationToken) => _inner.DirtyAccountsAsync(cancellationToken);

    public Task<IReadOnlyList<RejectedWrite>> RejectedWritesAsync(CancellationToken cancellationToken) => _inner.RejectedWritesAsync(cancellationToken);

    public Task<IReadOnlySet<string>> KeptAsideAccountsAsync(CancellationToken cancellationToken) => _inner.KeptAsideAccountsAsync(cancellationToken);

    public Task<IReadOnlyList<string>> CachedAccountsAsync(CancellationToken cancellationToken) => _inner.CachedAccountsAsync(cancellationToken);

    public Task<DateOnly?> LastFullEvaluationAsync(CancellationToken cancellationToken) => _inner.LastFullEvaluationAsync(cancellationToken);

    public Task<(AccountSnapshot Snapshot, IReadOnlyDictionary<string, string?> CrmText)?> LoadAsync(string accountId, CancellationToken cancellationToken) =>
        _inner.LoadAsync(accountId, cancellationToken);

    public Task<IReadOnlyDictionary<string, string?>> LastWrittenFieldsAsync(string accountId, CancellationToken cancellationToken) =>
        _inner.LastWrittenFieldsAsync(accountId, cancellationToken);

    public Task<IReadOnlyList<LoggedConflict>> ConflictsOfAsync(string accountId, CancellationToken cancellationToken) => _inner.ConflictsOfAsync(accountId, cancellationToken);

    public Task<IReadOnlyList<JournaledWrite>> JournalOfAsync(string accountId, CancellationToken cancellationToken) => _inner.JournalOfAsync(accountId, cancellationToken);

    public Task<(int Count, DateTimeOffset? FirstStartedAt)> RunsOfKindAsync(string kind, CancellationToken cancellationToken) => _inner.RunsOfKindAsync(kind, cancellationToken);

    // Never reconciled as far as a dry run knows, and nothing recorded: a dry run never reconciles.
    public Task<DateTimeOffset?> LastReconcileAsync(CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);

    public Task SetLastReconcileAsync(DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task BeginSweepAsync(CrmObject crmObject, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<int> EndSweepAsync(CrmObject crmObject, CancellationToken cancellationToken) => Task.FromResult(0);

    // Nothing to recover: recovering would send to the CRM.
    public Task<IReadOnlyList<PendingBatch>> PendingBatchesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<PendingBatch>>([]);

    public Task<IReadOnlyList<TaskReservation>> UnconfirmedTasksAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TaskReservation>>([]);

    // Writes: swallowed.
    public Task SetCursorAsync(CrmObject crmObject, PullCursor cursor, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AddProblemsAsync(IReadOnlyList<RecordProblem> problems, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SupersedeRejectedAsync(IReadOnlyList<string> accountIds, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetLastFullEvaluationAsync(DateOnly day, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ClearChangedAsync(IReadOnlyList<string> accountIds, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetLastWrittenStageAsync(string accountId, LastWritten lastWritten, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AppendTransitionsAsync(string accountId, IReadOnlyList<Transition> transitions, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AddConflictsAsync(IReadOnlyList<ConflictRecord> conflicts, DateOnly detectedOn, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Journals nothing: batch id 0.</summary>
    public Task<long> BeginBatchAsync(IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken) => Task.FromResult(0L);

    public Task CompleteBatchAsync(long batchId, IReadOnlyList<WriteResult> results, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reserves nothing: as if a task were already open, so none is created.</summary>
    public Task<bool> TryReserveTaskAsync(TaskReservation task, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task CloseTaskAsync(string accountId, InterventionKind kind, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetTaskIdAsync(string accountId, InterventionKind kind, string taskId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task MarkTasksSentAsync(IReadOnlyList<TaskReservation> tasks, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CompleteTasksAsync(IReadOnlyList<TaskReservation> tasks, IReadOnlyList<TaskResult> results, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Opens no run row: run id 0.</summary>
    public Task<long> StartRunAsync(string kind, DateTimeOffset startedAt, CancellationToken cancellationToken) => Task.FromResult(0L);

    public Task FinishRunAsync(long runId, RunSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;
}
