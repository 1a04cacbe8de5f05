using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Evaluation;

/// <summary>
/// Why a value is what it is: a code with the facts behind it, rendered to a sentence on demand
/// (<see cref="ToString"/>). Kept as a value so an evaluation allocates no text until someone reads it.
/// </summary>
public readonly record struct Reason(
    ReasonCode Code,
    DateOnly? Date = null,
    int A = 0,
    int B = 0,
    int C = 0,
    DateOnly? Date2 = null,
    string? Text = null)
{
    /// <summary>Set when grace kept this value (the signal failed but the slip has not fired).</summary>
    public StateValue? Kept { get; init; }

    /// <summary>The sentence for people.</summary>
    public override string ToString() => ReasonText.Render(this);
}

/// <summary>Every kind of reason the rules give.</summary>
public enum ReasonCode
{
    GcLeadershipChange,
    GcNeverEstablished,
    GcOwnerDeparted,
    GcReviewStale,
    GcHit,
    GcGrace,
    CfgGoalClarityReset,
    CfgNeverVerified,
    CfgWorkflowGap,
    CfgStale,
    CfgHit,
    CfgGrace,
    VaaHit,
    VaaSlipping,
    VaaGrace,
    MseDeparture,
    MseNeverEstablished,
    MseSlipping,
    MseHit,
    MseGrace,
    OaNeverNew,
    OaNeverLong,
    OaHit,
    OaGoalChange,
    OaTwoCycles,
    OaDecayed,
    DwiRemoved,
    DwiBroken,
    DwiNeverIntegrated,
    DwiNewHireDropped,
    DwiHit,
    DwiGrace,
    MilestonesNone,
    MilestonesProgress,
    MilestonesAllComplete,
    MilestoneStalled,
    MilestonesChurned,
    CfgGapAndStale,
}
