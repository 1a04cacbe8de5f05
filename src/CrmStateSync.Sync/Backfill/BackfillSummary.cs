using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Sync.Backfill;

/// <summary>What a backfill did: accounts read and replayed, the history it recorded and what it wrote.</summary>
public sealed record BackfillSummary
{
    public DateOnly AsOf { get; init; }
    public bool DryRun { get; init; }

    /// <summary><c>ok</c>, or <c>partial</c> when some records were rejected or unreadable.</summary>
    public string Outcome { get; init; } = "ok";

    public int Read { get; init; }
    public int Problems { get; init; }
    public int Accounts { get; init; }

    /// <summary>Accounts with a won opportunity, replayed day by day.</summary>
    public int Replayed { get; init; }

    public long DaysReplayed { get; init; }

    /// <summary>Transitions recorded in the history per stage entered ("(cleared)" for a cleared stage).</summary>
    public IReadOnlyDictionary<string, int> TransitionsByStage { get; init; } = new Dictionary<string, int>();

    public int Transitions => TransitionsByStage.Values.Sum();
    public int Conflicts { get; init; }
    public int Written { get; init; }
    public int Rejected { get; init; }
    public long ApiCalls { get; init; }

    /// <summary>The non-empty plans (a dry run's output: what would be written).</summary>
    public IReadOnlyList<AccountPlan> Plans { get; init; } = [];

    public override string ToString() =>
        $"{Outcome}: read {Read} ({Problems} problems), accounts {Accounts}, replayed {Replayed} ({DaysReplayed} days), "
        + $"transitions {Transitions}, conflicts {Conflicts}, written {Written}, rejected {Rejected}, API calls {ApiCalls}{(DryRun ? " (dry run)" : "")}";
}
