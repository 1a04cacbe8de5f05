using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Ports;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Sync.Engine;

/// <summary>
/// One sync cycle (sync.md): pull → recover unconfirmed writes → evaluate changed (and, once a day, all) accounts →
/// diff and settle conflicts → create intervention tasks → journaled batched writes → advance cursors → run row.
/// A crash at any point leaves the journal and cursors so the next cycle neither loses nor repeats work.
/// </summary>
public sealed partial class SyncEngine(ICrmConnector crm, ISyncStore store, RulesEngine rules, SyncOptions options, TimeProvider clock, ILogger<SyncEngine> logger)
{
    private readonly PullStep _pull = new(crm, store, options, clock, logger);
    private readonly EvaluateStep _evaluate = new(store, rules, new AccountDiffer(options.Ownership));
    private readonly WriteStep _write = new(crm, store, options);
    private readonly TaskStep _tasks = new(crm, store);
    private readonly ReconcileSchedule _reconcile = new(store, options);
    private DateOnly? _lastFullEvaluation;
    private bool _lastFullEvaluationLoaded;

    /// <summary>Runs one cycle. A dry run reads and evaluates but writes nothing to the CRM, the journal or the history.</summary>
    public async Task<CycleResult> RunCycleAsync(bool dryRun, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var callsBefore = crm.Usage.CallsMade;
        var asOf = DateOnly.FromDateTime(started.UtcDateTime);
        var runId = dryRun ? 0 : await store.StartRunAsync("sync", started, ct).ConfigureAwait(false);
        var (reconcile, recordReconcile) = await _reconcile.DueAsync(started, dryRun, ct).ConfigureAwait(false);
        var (cursors, read, problems, removed) = await _pull.RunAsync(reconcile, ct).ConfigureAwait(false);
        if (!dryRun)
        {
            await _write.RecoverAsync(ct).ConfigureAwait(false);
        }

        var (considered, outcomes) = await EvaluateAsync(asOf, dryRun, ct).ConfigureAwait(false);
        var summary = new RunSummary
        {
            StartedAt = started,
            DryRun = dryRun,
            Read = read,
            Problems = problems,
            Evaluated = outcomes.Count,
            Conflicts = outcomes.Sum(o => o.Plan.Conflicts.Count),
            Transitions = outcomes.Sum(o => o.Result.Stage.Transitions.Count),
            Reconciled = reconcile,
            Removed = removed,
        };
        if (!dryRun)
        {
            summary = await CommitAsync(outcomes, considered, cursors, asOf, summary, ct).ConfigureAwait(false);
            await (recordReconcile ? _reconcile.RecordAsync(started, ct) : Task.CompletedTask).ConfigureAwait(false);
        }

        // This cycle's calls only: a long-running worker's connector counts from its creation.
        summary = summary with { FinishedAt = clock.GetUtcNow(), ApiCalls = crm.Usage.CallsMade - callsBefore };
        if (!dryRun)
        {
            await store.FinishRunAsync(runId, summary, ct).ConfigureAwait(false);
        }

        var line = summary.ToString();
        LogCycle(logger, line);
        return new CycleResult(summary, outcomes);
    }

    // "considered" is every account looked at, including those gone from the cache: all of them are settled.
    private async Task<RunSummary> CommitAsync(
        List<AccountOutcome> outcomes, IReadOnlyList<string> considered, Dictionary<CrmObject, PullCursor> cursors, DateOnly asOf, RunSummary summary, CancellationToken ct)
    {
        var tasks = options.CreateTasks ? await _tasks.RunAsync(outcomes, ct).ConfigureAwait(false) : 0;
        var (written, rejected) = await _write.CommitAsync(
            [.. outcomes.Select(o => o.Write).OfType<PlannedWrite>()], cursors, considered, ct).ConfigureAwait(false);
        if (DailyDue(asOf))
        {
            await store.SetLastFullEvaluationAsync(asOf, ct).ConfigureAwait(false);
            _lastFullEvaluation = asOf;
        }

        return summary with
        {
            Written = written,
            Rejected = rejected,
            Tasks = tasks,
            Outcome = rejected > 0 || summary.Problems > 0 ? "partial" : "ok",
        };
    }

    private async Task<(IReadOnlyList<string> Considered, List<AccountOutcome> Outcomes)> EvaluateAsync(DateOnly asOf, bool dryRun, CancellationToken ct)
    {
        if (!_lastFullEvaluationLoaded)
        {
            // Remembered in the store: a `sync --once` per cron tick must not evaluate the whole org every time.
            _lastFullEvaluation = await store.LastFullEvaluationAsync(ct).ConfigureAwait(false);
            _lastFullEvaluationLoaded = true;
        }

        var ids = DailyDue(asOf) ? await store.AllAccountsAsync(ct).ConfigureAwait(false) : await store.ChangedAccountsAsync(ct).ConfigureAwait(false);
        var outcomes = new List<AccountOutcome>(ids.Count);
        foreach (var id in ids)
        {
            if (await _evaluate.RunAsync(id, asOf, dryRun, ct).ConfigureAwait(false) is { } outcome)
            {
                outcomes.Add(outcome);
            }
        }

        return (ids, outcomes);
    }

    private bool DailyDue(DateOnly asOf) => options.DailyFullEvaluation && _lastFullEvaluation != asOf;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync cycle {Summary}")]
    private static partial void LogCycle(ILogger logger, string summary);
}

/// <summary>A cycle's summary and, per evaluated account, what it computed and planned (the dry-run plan).</summary>
public sealed record CycleResult(RunSummary Summary, IReadOnlyList<AccountOutcome> Accounts);
