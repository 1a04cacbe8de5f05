using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Sync.Tests.Engine;

/// <summary>
/// An in-memory store of changed accounts (each a won customer whose CRM stage is empty, so each wants a write) that
/// records, in order, what the engine does to each account: <c>evaluate</c> (loaded for the rules), <c>journal</c>
/// (its write journaled), <c>confirm</c> (the CRM's answer journaled), <c>clear</c> (its changed mark cleared), and
/// <c>record</c> (its transitions appended to the history: what its evaluation decided is being persisted).
/// What the chunking does not touch (tasks, pending batches) is not supported.
/// </summary>
internal sealed class RecordingStore(IReadOnlyList<string> changed) : ISyncStore
{
    private readonly Dictionary<long, IReadOnlyList<PlannedWrite>> _batches = [];

    public List<(string Step, string AccountId)> Steps { get; } = [];

    public List<CrmObject> CursorsSet { get; } = [];

    public RunSummary? Finished { get; private set; }

    public Task<(AccountSnapshot Snapshot, IReadOnlyDictionary<string, string?> CrmText)?> LoadAsync(string accountId, CancellationToken cancellationToken)
    {
        Steps.Add(("evaluate", accountId));
        var snapshot = new AccountSnapshot { Id = accountId, Name = "Acme " + accountId, Segment = "default", OwnerId = "owner-1", Opportunities = [Backfill.Some.Won(Backfill.Some.D0)] };
        return Task.FromResult<(AccountSnapshot, IReadOnlyDictionary<string, string?>)?>((snapshot, new Dictionary<string, string?> { [ManagedField.Stage] = null }));
    }

    public Task<long> BeginBatchAsync(IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken)
    {
        Steps.AddRange(writes.Select(w => ("journal", w.AccountId)));
        _batches[_batches.Count + 1] = writes;
        return Task.FromResult((long)_batches.Count);
    }

    public Task CompleteBatchAsync(long batchId, IReadOnlyList<WriteResult> results, CancellationToken cancellationToken)
    {
        Steps.AddRange(results.Select(r => ("confirm", r.RecordId)));
        return Task.CompletedTask;
    }

    public Task ClearChangedAsync(IReadOnlyList<string> accountIds, CancellationToken cancellationToken)
    {
        Steps.AddRange(accountIds.Select(id => ("clear", id)));
        return Task.CompletedTask;
    }

    /// <summary>Journaled writes the CRM refused (none by default).</summary>
    public List<RejectedWrite> Rejected { get; } = [];

    /// <summary>Accounts kept aside with a problem (none by default).</summary>
    public HashSet<string> KeptAside { get; } = new(StringComparer.Ordinal);

    /// <summary>Each account's conflict log, oldest first (empty by default).</summary>
    public Dictionary<string, List<LoggedConflict>> Conflicts { get; } = new(StringComparer.Ordinal);

    /// <summary>Each account's journaled writes, oldest first, beyond those of this cycle (empty by default).</summary>
    public Dictionary<string, List<JournaledWrite>> Journal { get; } = new(StringComparer.Ordinal);

    /// <summary>The accounts whose journal was read (the diff needed it).</summary>
    public List<string> JournalRead { get; } = [];

    /// <summary>Every account is marked changed and cached.</summary>
    public Task<IReadOnlyList<string>> DirtyAccountsAsync(CancellationToken cancellationToken) => Task.FromResult(changed);

    public Task<IReadOnlyList<RejectedWrite>> RejectedWritesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RejectedWrite>>(Rejected);

    public Task<IReadOnlySet<string>> KeptAsideAccountsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlySet<string>>(KeptAside);

    public Task<IReadOnlyList<string>> CachedAccountsAsync(CancellationToken cancellationToken) => Task.FromResult(changed);

    public Task SetCursorAsync(CrmObject crmObject, PullCursor cursor, CancellationToken cancellationToken)
    {
        CursorsSet.Add(crmObject);
        return Task.CompletedTask;
    }

    public Task FinishRunAsync(long runId, RunSummary summary, CancellationToken cancellationToken)
    {
        Finished = summary;
        return Task.CompletedTask;
    }

    public Task<PullCursor> GetCursorAsync(CrmObject crmObject, CancellationToken cancellationToken) => Task.FromResult(PullCursor.Start);

    public Task ApplyAsync(IReadOnlyList<CrmChange<AccountRecord>> changes, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ApplyAsync(IReadOnlyList<CrmChange<OpportunityRecord>> changes, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ApplyAsync(IReadOnlyList<CrmChange<ContactRecord>> changes, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ApplyAsync(IReadOnlyList<CrmChange<UsageRecord>> changes, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<int> ReviewPullAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    /// <summary>The problems recorded under the run.</summary>
    public List<RecordProblem> Problems { get; } = [];

    /// <summary>An account whose recording (its transitions appended to the history) throws, as a bug about one record would.</summary>
    public string? FailRecordOf { get; set; }

    public Task AddProblemsAsync(IReadOnlyList<RecordProblem> problems, CancellationToken cancellationToken)
    {
        Problems.AddRange(problems);
        return Task.CompletedTask;
    }

    public Task SupersedeRejectedAsync(IReadOnlyList<string> accountIds, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task BeginSweepAsync(CrmObject crmObject, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<int> EndSweepAsync(CrmObject crmObject, CancellationToken cancellationToken) => Task.FromResult(0);

    public Task<DateTimeOffset?> LastReconcileAsync(CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);

    public Task SetLastReconcileAsync(DateTimeOffset at, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<DateOnly?> LastFullEvaluationAsync(CancellationToken cancellationToken) => Task.FromResult<DateOnly?>(null);

    public Task SetLastFullEvaluationAsync(DateOnly day, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyDictionary<string, string?>> LastWrittenFieldsAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    public Task<IReadOnlyList<LoggedConflict>> ConflictsOfAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LoggedConflict>>(Conflicts.GetValueOrDefault(accountId) ?? []);

    public Task<IReadOnlyList<JournaledWrite>> JournalOfAsync(string accountId, CancellationToken cancellationToken)
    {
        JournalRead.Add(accountId);
        return Task.FromResult<IReadOnlyList<JournaledWrite>>(Journal.GetValueOrDefault(accountId) ?? []);
    }

    public Task SetLastWrittenStageAsync(string accountId, LastWritten lastWritten, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AppendTransitionsAsync(string accountId, IReadOnlyList<Transition> transitions, CancellationToken cancellationToken)
    {
        if (accountId == FailRecordOf)
        {
            throw new InvalidOperationException("simulated failure recording one account");
        }

        Steps.Add(("record", accountId));
        return Task.CompletedTask;
    }

    public Task AddConflictsAsync(IReadOnlyList<ConflictRecord> conflicts, DateOnly detectedOn, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<PendingBatch>> PendingBatchesAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<PendingBatch>>([]);

    /// <summary>The run rows started: kind and start.</summary>
    public List<(string Kind, DateTimeOffset StartedAt)> RunsStarted { get; } = [];

    public Task<long> StartRunAsync(string kind, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        RunsStarted.Add((kind, startedAt));
        return Task.FromResult((long)RunsStarted.Count);
    }

    public Task<(int Count, DateTimeOffset? FirstStartedAt)> RunsOfKindAsync(string kind, CancellationToken cancellationToken) => Task.FromResult((0, (DateTimeOffset?)null));

    public Task<bool> TryReserveTaskAsync(TaskReservation task, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<TaskReservation>> UnconfirmedTasksAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CloseTaskAsync(string accountId, InterventionKind kind, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SetTaskIdAsync(string accountId, InterventionKind kind, string taskId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task MarkTasksSentAsync(IReadOnlyList<TaskReservation> tasks, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task CompleteTasksAsync(IReadOnlyList<TaskReservation> tasks, IReadOnlyList<TaskResult> results, CancellationToken cancellationToken) => throw new NotSupportedException();
}
