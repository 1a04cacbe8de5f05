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

    /// <summary>
    /// Transitions recorded in the history per stage entered: <see cref="ReplacedAtGoLive"/> for the CRM's stage replaced
    /// on an account's first replayed day when it had no stage yet that day, "(cleared)" for any other move to no stage.
    /// </summary>
    public IReadOnlyDictionary<string, int> TransitionsByStage { get; init; } = new Dictionary<string, int>();

    /// <summary>The key of <see cref="TransitionsByStage"/> for a previous stage replaced at go-live by no stage.</summary>
    public const string ReplacedAtGoLive = "(replaced)";

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
