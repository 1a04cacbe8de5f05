using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Stages;

namespace CrmStateSync.Sync.Backfill;

/// <summary>
/// One account's go-live replay: the evaluation as of the last day (what the worker writes), every transition of the
/// replay with its historical date (what the history keeps), and the days replayed.
/// </summary>
/// <param name="Final">The evaluation as of the backfill's as-of date. Its interventions are history, not today's work:
/// a backfill creates no tasks.</param>
/// <param name="Transitions">Every transition of the replay in order, sources <c>Backfill</c>; the first day's go-live
/// replacement of the CRM's old stage ("replaced at go-live") included.</param>
/// <param name="From">The first day replayed (max of the first won close date and <c>--from</c>); null when the
/// account has no won opportunity and nothing was replayed (it is evaluated once, as of the last day).</param>
/// <param name="Days">Days evaluated in the replay (0 when nothing was replayed).</param>
public sealed record BackfillReplay(EvaluationResult Final, IReadOnlyList<Transition> Transitions, DateOnly? From, int Days);
