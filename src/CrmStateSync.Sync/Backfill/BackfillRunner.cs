using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Ports;
using CrmStateSync.Sync.Progress;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Sync.Backfill;

/// <summary>
/// The go-live migration (sync.md <c>backfill [--from DATE] [--dry-run]</c>): read everything into the cache, replay
/// every account day by day from its first won opportunity (<see cref="BackfillReplayer"/>), append the replayed
/// transitions to the history, then diff the final values against the CRM and write them through the journal.
/// A backfill creates no intervention tasks: what the replay raised is history, not today's work. Progress goes to
/// <paramref name="progress"/> (none by default): reads per object, accounts replayed of all, writes sent of all.
/// </summary>
public sealed partial class BackfillRunner(
    ICrmConnector crm, ISyncStore store, RulesEngine rules, SyncOptions options, TimeProvider clock, ILogger<BackfillRunner> logger, IProgress<ProgressUpdate>? progress = null)
{
    private const string Operation = "backfill";
    private readonly IProgress<ProgressUpdate> _progress = progress ?? NoProgress.Instance;
    private readonly PullStep _pull = new(crm, store, options, clock, logger, progress ?? NoProgress.Instance, Operation);
    private readonly BackfillAccountStep _account = new(store, rules, new AccountDiffer(options.Ownership));
    private readonly WriteStep _write = new(crm, store, options);
    private readonly RecordStep _record = new(store);

    /// <summary>A dry run: the composition gave a read-only store and connector (<see cref="ISyncStore.IsReadOnly"/>).</summary>
    private readonly bool _readOnly = store.IsReadOnly;

    /// <summary>Runs the backfill as of today (the clock). Over a read-only store and connector (a dry run, chosen by
    /// the composition) it reads and replays but writes nothing: not to the CRM, the journal, the history or the
    /// cursors; the summary carries the plan.</summary>
    /// <param name="from">Replay from this date when it is later than an account's first win.</param>
    /// <param name="ct">Cancels the run; the journal and cursors leave it resumable.</param>
    /// <exception cref="BackfillRefusedException">The store has recorded sync cycles: it went live without a backfill.</exception>
    public async Task<BackfillSummary> RunAsync(DateOnly? from, CancellationToken ct)
    {
        // Before anything is read: a store that went live through sync has its own history (see BackfillRefusedException).
        if (await store.RunsOfKindAsync("sync", ct).ConfigureAwait(false) is { Count: > 0 } synced)
        {
            throw new BackfillRefusedException(synced.Count, synced.FirstStartedAt);
        }

        return await CycleRun.ReportingAsync(_progress, Operation, () => RunCoreAsync(from, ct)).ConfigureAwait(false);
    }

    private async Task<BackfillSummary> RunCoreAsync(DateOnly? from, CancellationToken ct)
    {
        var run = await CycleRun.StartAsync(store, clock, Operation, ct).ConfigureAwait(false);
        var (started, asOf) = (run.StartedAt, run.AsOf);
        var (cursors, read, problems, _) = await _pull.RunAsync(reconcile: false, ct).ConfigureAwait(false);
        if (!_readOnly)
        {
            await _write.RecoverAsync(ct).ConfigureAwait(false);
        }

        var ids = await AccountSelection.AllAsync(store, ct).ConfigureAwait(false);
        var tally = new Tally();
        var replayed = 0;
        _progress.Report(new ProgressUpdate(Operation, "replay", 0, ids.Count));
        foreach (var id in ids)
        {
            if (await _account.RunAsync(id, asOf, from, ct).ConfigureAwait(false) is { } done)
            {
                if (!_readOnly)
                {
                    await _record.RunAsync(id, done.Records, ct).ConfigureAwait(false);
                }

                tally.Add(done.Replay, done.Plan, done.Write);
            }

            _progress.Report(new ProgressUpdate(Operation, "replay", ++replayed, ids.Count));
        }

        var summary = tally.Summary(asOf, _readOnly, read, problems);
        if (!_readOnly)
        {
            summary = await CommitAsync(tally, ids, cursors, summary, ct).ConfigureAwait(false);
            await run.FinishAsync(ToRun(summary, started), ct).ConfigureAwait(false);
        }

        summary = summary with { ApiCalls = crm.Usage.CallsMade };
        var (transitions, duration) = (summary.Transitions, clock.GetUtcNow() - started);
        LogBackfill(logger, summary.Outcome, summary.Read, summary.Problems, summary.Accounts, summary.Replayed, summary.DaysReplayed,
            transitions, summary.Conflicts, summary.Written, summary.Rejected, summary.ApiCalls, summary.DryRun, duration);
        return summary;
    }

    private async Task<BackfillSummary> CommitAsync(Tally tally, IReadOnlyList<string> ids, Dictionary<CrmObject, PullCursor> cursors, BackfillSummary summary, CancellationToken ct)
    {
        var total = tally.Writes.Count;
        _progress.Report(new ProgressUpdate(Operation, "write", 0, total));
        var (written, rejected) = await _write.CommitAsync(tally.Writes, cursors, ids, sent => _progress.Report(new ProgressUpdate(Operation, "write", sent, total)), ct).ConfigureAwait(false);
        return summary with { Written = written, Rejected = rejected, Outcome = rejected > 0 || summary.Problems > 0 ? "partial" : "ok" };
    }

    private RunSummary ToRun(BackfillSummary s, DateTimeOffset started) => new()
    {
        StartedAt = started,
        FinishedAt = clock.GetUtcNow(),
        Outcome = s.Outcome,
        Read = s.Read,
        Problems = s.Problems,
        Evaluated = s.Accounts,
        Written = s.Written,
        Rejected = s.Rejected,
        Conflicts = s.Conflicts,
        Transitions = s.Transitions,
        ApiCalls = crm.Usage.CallsMade,
        CallsByKind = crm.CallsByKind,
    };

    /// <summary>The backfill's summary as a structured event: each count a property of its own (the printed line says the same).</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Backfill {Outcome}: read {Read} ({Problems} problems), accounts {Accounts}, replayed {Replayed} ({DaysReplayed} days), "
        + "transitions {Transitions}, conflicts {Conflicts}, written {Written}, rejected {Rejected}, API calls {ApiCalls}, dry run {DryRun}, in {Duration}")]
    private static partial void LogBackfill(ILogger logger, string outcome, int read, int problems, int accounts, int replayed, long daysReplayed,
        int transitions, int conflicts, int written, int rejected, long apiCalls, bool dryRun, TimeSpan duration);

    /// <summary>The running counts of a backfill; only plans and writes are kept per account.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<string, int> _byStage = new(StringComparer.Ordinal);
        private readonly List<AccountPlan> _plans = [];
        private int _accounts, _replayed, _conflicts;
        private long _days;

        public List<PlannedWrite> Writes { get; } = [];

        public void Add(BackfillReplay replay, AccountPlan plan, PlannedWrite? write)
        {
            _accounts++;
            _replayed += replay.From is null ? 0 : 1;
            _days += replay.Days;
            _conflicts += plan.Conflicts.Count;
            foreach (var t in replay.Transitions)
            {
                var key = t.To ?? (t.Source == StageSource.Backfill ? BackfillSummary.ReplacedAtGoLive : "(cleared)");
                _byStage[key] = _byStage.GetValueOrDefault(key) + 1;
            }

            if (!plan.IsEmpty)
            {
                _plans.Add(plan);
            }

            if (write is not null)
            {
                Writes.Add(write);
            }
        }

        public BackfillSummary Summary(DateOnly asOf, bool readOnly, int read, int problems) => new()
        {
            AsOf = asOf,
            DryRun = readOnly,
            Read = read,
            Problems = problems,
            Accounts = _accounts,
            Replayed = _replayed,
            DaysReplayed = _days,
            TransitionsByStage = _byStage,
            Conflicts = _conflicts,
            Plans = _plans,
        };
    }
}
