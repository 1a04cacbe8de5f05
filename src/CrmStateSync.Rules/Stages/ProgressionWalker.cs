using CrmStateSync.Rules.Configuration;

namespace CrmStateSync.Rules.Stages;

/// <summary>The forward-only walk: each progression stage is a gate; walk one stage at a time while the next one's criterion holds.</summary>
internal static class ProgressionWalker
{
    /// <summary>Enters a progression stage if its criterion holds (a fresh derivation starts here).</summary>
    public static bool Enter(StageInputs x, StageWork work, CompiledStage stage)
    {
        if (stage.Criterion is null || !stage.Criterion(x.Progression))
        {
            return false;
        }

        var on = EntryDate(x, work, stage);
        work.Enter(stage, on, x.Progression);
        return true;
    }

    public static void Walk(StageInputs x, StageWork work)
    {
        while (work.Current is { Kind: StageKind.Progression } current && current.Order + 1 < x.Model.Progression.Count)
        {
            if (!Enter(x, work, x.Model.Progression[current.Order + 1]))
            {
                return;
            }
        }
    }

    /// <summary>The stage's entry date expression, else as-of; never before the current stage's entry, never after as-of.</summary>
    private static DateOnly EntryDate(StageInputs x, StageWork work, CompiledStage stage)
    {
        var on = stage.EntryDate?.Invoke(x.Progression) is { } d && d <= x.AsOf ? d : x.AsOf;
        return work.EntryOf(work.Current) is { } floor && on < floor ? floor : on;
    }
}
