using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Ports;
using CrmStateSync.Sync.Progress;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Sync.Engine;

/// <summary>
/// One sync cycle (sync.md): pull → recover unconfirmed writes → per chunk of accounts: evaluate changed (and, once a
/// day, all) accounts and diff them (computing only), then settle the chunk: record its transitions, conflicts and
/// stages, create intervention tasks, journaled batched writes, clear their changed marks → advance cursors → run row. A crash at any point leaves the journal, the changed marks and the
/// cursors so the next cycle neither loses nor repeats work. Each step reports its progress through
/// <paramref name="progress"/> (none by default): reads per object, accounts evaluated of those to evaluate, writes sent, tasks.
/// </summary>
public sealed partial class SyncEngine(
    ICrmConnector crm, ISyncStore store, RulesEngine rules, SyncOptions options, TimeProvider clock, ILogger<SyncEngine> logger, IProgress<ProgressUpdate>? progress = null)
{
    private const string Operation = "sync";
    private readonly IProgress<ProgressUpdate> _progress = progress ?? NoProgress.Instance;
    private readonly PullStep _pull = new(crm, store, options, clock, logger, progress ?? NoProgress.Instance, Operation);
    private readonly EvaluateStep _evaluate = new(store, rules, new AccountDiffer(options.Ownership));
    private readonly RecordStep _record = new(store);
    private readonly WriteStep _write = new(crm, store, options);
    private readonly TaskStep _tasks = new(crm, store, options, logger);
    private readonly ReconcileSchedule _reconcile = new(store, options);

    /// <summary>
    /// A dry run: the composition gave a read-only store (<see cref="ISyncStore.IsReadOnly"/>) and connector, so the
    /// cycle computes the plan and settles nothing (no history, tasks, writes or changed marks, no cursors advanced).
    /// </summary>
    private readonly bool _readOnly = store.IsReadOnly;
    private DateOnly? _lastFullEvaluation;
    private bool _lastFullEvaluationLoaded;

    /// <summary>
    /// Keep every evaluated account's outcome in <see cref="CycleResult.Accounts"/> (the demo and tests read them).
    /// A long-running worker turns this off: a 100,000-account cycle then holds one chunk of outcomes at a time.
    /// A dry run always keeps them (they are the plan). Default true.
    /// </summary>
    public bool KeepOutcomes { get; set; } = true;

    /// <summary>The connector's call count when the previous cycle ended (or when this engine was composed).</summary>
    private long _callsCounted = crm.Usage.CallsMade;

    /// <summary>The connector's calls by kind when the previous cycle ended, counted from the same moment as <see cref="_callsCounted"/>.</summary>
    private IReadOnlyDictionary<string, long> _kindsCounted = crm.CallsByKind;

    /// <summary>
    /// Runs one cycle. Over a read-only store and connector (a dry run, chosen by the composition) it reads and evaluates
    /// but writes nothing to the CRM, the journal or the history.
    /// </summary>
    public Task<CycleResult> RunCycleAsync(CancellationToken ct) => RunCycleAsync(CancellationToken.None, ct);

    /// <summary>
    /// Runs one cycle that a graceful stop can end early: <paramref name="stop"/> is looked at between chunks only, so
    /// the chunk in progress finishes its tasks, writes and journal (no CRM call of it is cancelled); the cycle then
    /// ends with outcome <c>stopped</c>, its cursors left where they were, and the next cycle resumes the rest.
    /// <paramref name="ct"/> cancels everything at once, in-flight calls included (the journal makes that safe too).
    /// </summary>
    public Task<CycleResult> RunCycleAsync(CancellationToken stop, CancellationToken ct) => RunAsync(null, stop, ct);

    /// <summary>
    /// A dry run of the given accounts only, changed or not (<c>sync --dry-run --account</c>): it reads as a dry-run cycle
    /// does, so the cache is current, then evaluates just these accounts. Nothing is written anywhere. An id the cache does
    /// not hold has no outcome. Only a dry-run composition (a read-only store) plans.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine's store is not read-only.</exception>
    public Task<CycleResult> PlanAccountsAsync(IReadOnlyList<string> accountIds, CancellationToken ct) =>
        _readOnly ? RunAsync(accountIds, CancellationToken.None, ct) : throw new InvalidOperationException("Only a dry-run composition (a read-only store) plans accounts.");

    private Task<CycleResult> RunAsync(IReadOnlyList<string>? only, CancellationToken stop, CancellationToken ct) =>
        CycleRun.ReportingAsync(_progress, Operation, () => RunCycleCoreAsync(only, stop, ct));

    private async Task<CycleResult> RunCycleCoreAsync(IReadOnlyList<string>? only, CancellationToken stop, CancellationToken ct)
    {
        var run = await CycleRun.StartAsync(store, clock, Operation, ct).ConfigureAwait(false);
        var (started, asOf) = (run.StartedAt, run.AsOf);
        var (callsBefore, kindsBefore) = (_callsCounted, _kindsCounted);
        var (reconcile, recordReconcile) = await _reconcile.DueAsync(started, ct).ConfigureAwait(false);
        var pull = await _pull.RunAsync(reconcile, ct).ConfigureAwait(false);
        if (!_readOnly)
        {
            await _write.RecoverAsync(ct).ConfigureAwait(false);
        }

        var tally = await EvaluateAndSettleAsync(asOf, only, stop, ct).ConfigureAwait(false);
        if (!_readOnly && !tally.Stopped)
        {
            await FinishAsync(pull, asOf, recordReconcile ? started : null, ct).ConfigureAwait(false);
        }

        var pulled = new RunSummary { StartedAt = started, DryRun = _readOnly, Read = pull.Read, Problems = pull.Problems, Reconciled = reconcile, Removed = pull.Removed };
        // The calls since the previous cycle ended (the first: since the engine was composed), so the schema check a
        // command makes before its cycle is in that cycle's count; a long-running worker's connector counts from its creation.
        var summary = tally.Summary(pulled) with
        {
            FinishedAt = clock.GetUtcNow(),
            ApiCalls = (_callsCounted = crm.Usage.CallsMade) - callsBefore,
            CallsByKind = CallShare.Since(kindsBefore, _kindsCounted = crm.CallsByKind),
            OrgApiUsed = crm.Usage.Used,
            OrgApiMax = crm.Usage.Max,
        };
        await run.FinishAsync(summary, ct).ConfigureAwait(false);
        LogCycle(logger, summary.Outcome, summary.Read, summary.Problems, summary.Evaluated, summary.Written, summary.Rejected, summary.Conflicts,
            summary.Transitions, summary.Tasks, summary.ApiCalls, summary.Reconciled, summary.Removed, summary.DryRun, summary.FinishedAt - summary.StartedAt);
        return new CycleResult(summary, tally.Outcomes);
    }

    private async Task<CycleTally> EvaluateAndSettleAsync(DateOnly asOf, IReadOnlyList<string>? only, CancellationToken stop, CancellationToken ct)
    {
        var tally = new CycleTally(_readOnly || KeepOutcomes);
        tally.AddSettled(!_readOnly && options.CreateTasks ? await _tasks.ResumeAsync(ct).ConfigureAwait(false) : 0, 0, 0);
        var settler = new ChunkSettler(_tasks, _write, options, tally, _progress);
        var ids = only ?? await AccountsToEvaluateAsync(asOf, ct).ConfigureAwait(false);
        var looked = 0;
        _progress.Report(new ProgressUpdate(Operation, "evaluate", 0, ids.Count));
        foreach (var chunk in ids.Chunk(options.ChunkSize))
        {
            if (stop.IsCancellationRequested)
            {
                tally.Stop();
                break;
            }

            var failed = new List<RecordProblem>();
            var outcomes = await EvaluateAsync(chunk, asOf, failed, done => _progress.Report(new ProgressUpdate(Operation, "evaluate", looked + done, ids.Count)), ct).ConfigureAwait(false);
            looked += chunk.Length;
            if (!_readOnly)
            {
                // Settled in the order crash safety needs: the chunk's history, conflicts and stages, then its tasks,
                // journaled writes and changed marks.
                outcomes = await RecordAsync(outcomes, failed, ct).ConfigureAwait(false);
                failed = [.. failed.OrderBy(f => Array.IndexOf(chunk, f.RecordId))];
            }

            tally.AddEvaluated(outcomes);
            tally.AddProblems(failed.Count);
            if (!_readOnly)
            {
                // A failed account keeps its changed mark: it is tried again next cycle.
                await store.AddProblemsAsync(failed, ct).ConfigureAwait(false);
                await settler.AddAsync([.. chunk.Where(id => !failed.Any(f => f.RecordId == id))], outcomes, ct).ConfigureAwait(false);
            }
        }

        await (_readOnly ? Task.CompletedTask : settler.FlushAsync(ct)).ConfigureAwait(false);
        return tally;
    }

    /// <summary>The end of a cycle, once every chunk is durable: the cursors, then the days remembered.</summary>
    private async Task FinishAsync(PullResult pull, DateOnly asOf, DateTimeOffset? reconciledAt, CancellationToken ct)
    {
        await _write.SaveCursorsAsync(pull.Cursors, ct).ConfigureAwait(false);
        if (DailyDue(asOf))
        {
            await store.SetLastFullEvaluationAsync(asOf, ct).ConfigureAwait(false);
            _lastFullEvaluation = asOf;
        }

        if (reconciledAt is { } at)
        {
            await _reconcile.RecordAsync(at, ct).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<string>> AccountsToEvaluateAsync(DateOnly asOf, CancellationToken ct)
    {
        if (!_lastFullEvaluationLoaded)
        {
            // Remembered in the store: a `sync --once` per cron tick must not evaluate the whole org every time.
            _lastFullEvaluation = await store.LastFullEvaluationAsync(ct).ConfigureAwait(false);
            _lastFullEvaluationLoaded = true;
        }

        return await (DailyDue(asOf) ? AccountSelection.AllAsync(store, ct) : AccountSelection.ChangedAsync(store, ct)).ConfigureAwait(false);
    }

    /// <summary>Evaluates each account; an exception about one account is that account's problem (in <paramref name="failed"/>), not the cycle's.</summary>
    private async Task<List<AccountOutcome>> EvaluateAsync(string[] ids, DateOnly asOf, List<RecordProblem> failed, Action<int> evaluated, CancellationToken ct)
    {
        var outcomes = new List<AccountOutcome>(ids.Length);
        var done = 0;
        foreach (var id in ids)
        {
            try
            {
                if (await _evaluate.RunAsync(id, asOf, ct).ConfigureAwait(false) is { } outcome)
                {
                    outcomes.Add(outcome);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Fail(id, ex, failed);
            }

            evaluated(++done);
        }

        return outcomes;
    }

    /// <summary>
    /// Records what each evaluation decided (<see cref="RecordStep"/>); an exception about one account is that account's
    /// problem (in <paramref name="failed"/>, and it is left out of the chunk's settling), not the cycle's.
    /// </summary>
    private async Task<List<AccountOutcome>> RecordAsync(List<AccountOutcome> outcomes, List<RecordProblem> failed, CancellationToken ct)
    {
        var recorded = new List<AccountOutcome>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            try
            {
                await _record.RunAsync(outcome.AccountId, outcome.Records, ct).ConfigureAwait(false);
                recorded.Add(outcome);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Fail(outcome.AccountId, ex, failed);
            }
        }

        return recorded;
    }

    /// <summary>An account whose evaluation or its recording failed: logged, and a problem of the run; it keeps its changed mark and is tried again next cycle.</summary>
    private void Fail(string accountId, Exception ex, List<RecordProblem> failed)
    {
        LogEvaluationFailed(logger, accountId, ex.Message);
        failed.Add(new RecordProblem(CrmObject.Account, accountId, RecordProblem.Evaluation, null, "could not be evaluated: " + ex.Message, false));
    }

    private bool DailyDue(DateOnly asOf) => options.DailyFullEvaluation && _lastFullEvaluation != asOf;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} could not be evaluated; tried again next cycle: {Problem}")]
    private static partial void LogEvaluationFailed(ILogger logger, string accountId, string problem);

    /// <summary>The cycle's summary as a structured event: each count a property of its own (the printed line says the same).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Sync cycle {Outcome}: read {Read} ({Problems} problems), evaluated {Evaluated}, written {Written}, rejected {Rejected}, "
        + "conflicts {Conflicts}, transitions {Transitions}, tasks {Tasks}, API calls {ApiCalls}, reconciled {Reconciled} ({Removed} removed), dry run {DryRun}, in {Duration}")]
    private static partial void LogCycle(ILogger logger, string outcome, int read, int problems, int evaluated, int written, int rejected, int conflicts,
        int transitions, int tasks, long apiCalls, bool reconciled, int removed, bool dryRun, TimeSpan duration);
}

/// <summary>A cycle's summary and, per evaluated account, what it computed and planned (the dry-run plan).</summary>
public sealed record CycleResult(RunSummary Summary, IReadOnlyList<AccountOutcome> Accounts);
