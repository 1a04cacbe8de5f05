using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Store;

/// <summary>The SQLite store seen through the sync engine's port.</summary>
public sealed class SyncStorePort(SqliteSyncStore store) : ISyncStore
{
    private const string LastFullEvaluationKey = "sync.lastFullEvaluation";
    private const string LastReconcileKey = "sync.lastReconcile";

    public SqliteSyncStore Store { get; } = store;

    public Task<PullCursor> GetCursorAsync(CrmObject crmObject, CancellationToken cancellationToken) => Store.GetPullCursorAsync(crmObject, cancellationToken);

    public Task SetCursorAsync(CrmObject crmObject, PullCursor cursor, CancellationToken cancellationToken) => Store.SetPullCursorAsync(crmObject, cursor, cancellationToken);

    public Task ApplyAsync(IReadOnlyList<CrmChange<AccountRecord>> changes, CancellationToken cancellationToken) => Store.ApplyAccountsAsync(changes, cancellationToken);

    public Task ApplyAsync(IReadOnlyList<CrmChange<OpportunityRecord>> changes, CancellationToken cancellationToken) =>
        Store.ApplyOpportunitiesAsync(changes, cancellationToken);

    public Task ApplyAsync(IReadOnlyList<CrmChange<ContactRecord>> changes, CancellationToken cancellationToken) => Store.ApplyContactsAsync(changes, cancellationToken);

    public Task ApplyAsync(IReadOnlyList<CrmChange<UsageRecord>> changes, CancellationToken cancellationToken) => Store.ApplyUsageAsync(changes, cancellationToken);

    public Task<IReadOnlyList<string>> DirtyAccountsAsync(CancellationToken cancellationToken) => Store.DirtyAccountsAsync(cancellationToken);

    public async Task<IReadOnlyList<RejectedWrite>> RejectedWritesAsync(CancellationToken cancellationToken) =>
        [.. (await Store.RejectedEntriesAsync(cancellationToken).ConfigureAwait(false)).Select(e => new RejectedWrite(e.AccountId, e.Transient))];

    public Task<IReadOnlySet<string>> KeptAsideAccountsAsync(CancellationToken cancellationToken) => Store.KeptAsideAccountsAsync(cancellationToken);

    public async Task<int> ReviewPullAsync(CancellationToken cancellationToken)
    {
        var review = await Store.ReviewPullAsync(cancellationToken).ConfigureAwait(false);
        return review.UnknownAccounts + review.CacheFailures;
    }

    public Task AddProblemsAsync(IReadOnlyList<RecordProblem> problems, CancellationToken cancellationToken) =>
        Store.AddProblemsAsync([.. problems.Select(p => new NewProblem(p.CrmObject.ToString(), p.RecordId, p.Field, p.Value, p.Message, ProblemKind.Failed, p.KeptAside))], cancellationToken);

    public Task BeginSweepAsync(CrmObject crmObject, CancellationToken cancellationToken) => Store.BeginSweepAsync(crmObject, cancellationToken);

    public Task<int> EndSweepAsync(CrmObject crmObject, CancellationToken cancellationToken) => Store.EndSweepAsync(crmObject, cancellationToken);

    public async Task<DateTimeOffset?> LastReconcileAsync(CancellationToken cancellationToken) =>
        await Store.GetStateAsync(LastReconcileKey, cancellationToken).ConfigureAwait(false) is { } at ? Internal.Iso.ParseInstant(at) : null;

    public Task SetLastReconcileAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        Store.SetStateAsync(LastReconcileKey, Internal.Iso.Instant(at), cancellationToken);

    public async Task<DateOnly?> LastFullEvaluationAsync(CancellationToken cancellationToken) =>
        await Store.GetStateAsync(LastFullEvaluationKey, cancellationToken).ConfigureAwait(false) is { } day ? Internal.Iso.ParseDate(day) : null;

    public Task SetLastFullEvaluationAsync(DateOnly day, CancellationToken cancellationToken) =>
        Store.SetStateAsync(LastFullEvaluationKey, Internal.Iso.Date(day), cancellationToken);

    public async Task<IReadOnlyList<string>> CachedAccountsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var id in Store.AllAccountIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>The accounts were evaluated and settled: their changed marks go, and so do their evaluation failures.</summary>
    public async Task ClearChangedAsync(IReadOnlyList<string> accountIds, CancellationToken cancellationToken)
    {
        await Store.ClearDirtyAsync(accountIds, cancellationToken).ConfigureAwait(false);
        await Store.CloseEvaluationProblemsAsync(accountIds, cancellationToken).ConfigureAwait(false);
    }

    public Task SupersedeRejectedAsync(IReadOnlyList<string> accountIds, CancellationToken cancellationToken) => Store.SupersedeRejectedAsync(accountIds, cancellationToken);

    public async Task<(AccountSnapshot Snapshot, IReadOnlyDictionary<string, string?> CrmText)?> LoadAsync(string accountId, CancellationToken cancellationToken)
    {
        if (await Store.LoadSnapshotAsync(accountId, cancellationToken).ConfigureAwait(false) is not { } snapshot)
        {
            return null;
        }

        return (snapshot, await Store.LoadCrmTextAsync(accountId, cancellationToken).ConfigureAwait(false));
    }

    public Task<IReadOnlyDictionary<string, string?>> LastWrittenFieldsAsync(string accountId, CancellationToken cancellationToken) =>
        Store.GetLastWrittenValuesAsync(accountId, cancellationToken);

    public async Task<IReadOnlyList<LoggedConflict>> ConflictsOfAsync(string accountId, CancellationToken cancellationToken) =>
        [.. (await Store.ListConflictsAsync(new ConflictFilter(AccountId: accountId), cancellationToken).ConfigureAwait(false)).Select(Logged)];

    public async Task<IReadOnlyList<JournaledWrite>> JournalOfAsync(string accountId, CancellationToken cancellationToken) =>
        [.. (await Store.AccountEntriesAsync(accountId, cancellationToken).ConfigureAwait(false)).Select(e => new JournaledWrite(e.Values, e.Status == JournalStatus.Done))];

    public Task SetLastWrittenStageAsync(string accountId, LastWritten lastWritten, CancellationToken cancellationToken) =>
        Store.SetLastWrittenAsync(accountId, lastWritten, cancellationToken);

    public Task AppendTransitionsAsync(string accountId, IReadOnlyList<Transition> transitions, CancellationToken cancellationToken) =>
        transitions.Count == 0 ? Task.CompletedTask : Store.AppendTransitionsAsync(accountId, transitions, cancellationToken);

    public async Task AddConflictsAsync(IReadOnlyList<ConflictRecord> conflicts, DateOnly detectedOn, CancellationToken cancellationToken)
    {
        foreach (var c in conflicts)
        {
            await Store.AddConflictAsync(new NewConflict(c.AccountId, c.Field, c.CrmValue, c.EngineValue, c.Action, c.Rule, detectedOn), cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<long> BeginBatchAsync(IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken) =>
        Store.BeginBatchAsync([.. writes.Select(w => new JournalWrite(Journaled(w), w.Stage))], cancellationToken);

    /// <summary>The fields sent, and the agreed ones that become last written with them once the CRM confirms.</summary>
    private static AccountWrite Journaled(PlannedWrite w) =>
        new(w.AccountId, w.Fields.Concat(w.Agreed).ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal));

    public Task CompleteBatchAsync(long batchId, IReadOnlyList<WriteResult> results, CancellationToken cancellationToken) =>
        Store.CompleteBatchAsync(batchId, results, cancellationToken);

    public async Task<IReadOnlyList<PendingBatch>> PendingBatchesAsync(CancellationToken cancellationToken)
    {
        var entries = await Store.PendingEntriesAsync(cancellationToken).ConfigureAwait(false);
        return [.. entries.GroupBy(e => e.BatchId).Select(g => new PendingBatch(g.Key, [.. g.Select(ToPlanned)]))];
    }

    public Task<bool> TryReserveTaskAsync(TaskReservation task, CancellationToken cancellationToken) => Store.TryReserveTaskAsync(task, cancellationToken);

    public Task<IReadOnlyList<TaskReservation>> UnconfirmedTasksAsync(CancellationToken cancellationToken) => Store.UnconfirmedTasksAsync(cancellationToken);

    public Task CloseTaskAsync(string accountId, InterventionKind kind, CancellationToken cancellationToken) => Store.CloseTaskAsync(accountId, kind, cancellationToken);

    public Task SetTaskIdAsync(string accountId, InterventionKind kind, string taskId, CancellationToken cancellationToken) =>
        Store.SetTaskIdAsync(accountId, kind, taskId, cancellationToken);

    public Task MarkTasksSentAsync(IReadOnlyList<TaskReservation> tasks, CancellationToken cancellationToken) => Store.MarkTasksSentAsync(tasks, cancellationToken);

    public Task CompleteTasksAsync(IReadOnlyList<TaskReservation> tasks, IReadOnlyList<TaskResult> results, CancellationToken cancellationToken) =>
        Store.CompleteTasksAsync(tasks, results, cancellationToken);

    public Task<long> StartRunAsync(string kind, DateTimeOffset startedAt, CancellationToken cancellationToken) => Store.StartRunAsync(kind, startedAt, cancellationToken);

    public Task FinishRunAsync(long runId, RunSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var counts = new RunCounts(summary.Read, summary.Evaluated, summary.Written, summary.Rejected, summary.Conflicts, summary.ApiCalls, summary.Problems)
        {
            CallsByKind = summary.CallsByKind,
            OrgApiUse = (summary.OrgApiUsed, summary.OrgApiMax),
        };
        return Store.FinishRunAsync(runId, summary.Outcome, counts, summary.FinishedAt, cancellationToken);
    }

    public Task<(int Count, DateTimeOffset? FirstStartedAt)> RunsOfKindAsync(string kind, CancellationToken cancellationToken) =>
        Store.RunsOfKindAsync(kind, cancellationToken);

    private static LoggedConflict Logged(ConflictEntry e) => new(
        e.Id, e.Field, e.CrmValue, e.EngineValue, e.Action, e.ResolvedKeep switch { ConflictKeep.Crm => ResolvedKeep.Crm, ConflictKeep.Engine => ResolvedKeep.Engine, _ => null });

    private static PlannedWrite ToPlanned(JournalEntry e) =>
        new(e.AccountId, [.. e.Values.Select(v => new FieldChange(v.Key, null, v.Value, v.Value))], e.Stage);
}
