using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Stages;

/// <summary>What the stage rules read.</summary>
/// <param name="Snapshot">The account.</param>
/// <param name="Model">The compiled stage model.</param>
/// <param name="Full">Signals over all facts (risk, terminal, eligibility).</param>
/// <param name="Progression">Signals over facts on or after the customer start (progression gates).</param>
/// <param name="Mode">Live or backfill replay.</param>
internal sealed record StageInputs(AccountSnapshot Snapshot, CompiledStageModel Model, Signals.Signals Full, Signals.Signals Progression, EvaluationMode Mode)
{
    public DateOnly AsOf => Full.AsOf;
    public Thresholds T => Full.T;
}
