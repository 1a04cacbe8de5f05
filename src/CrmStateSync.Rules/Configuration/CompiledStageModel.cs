using CrmStateSync.Rules.Expressions;

namespace CrmStateSync.Rules.Configuration;

/// <summary>One stage with its expressions compiled.</summary>
internal sealed class CompiledStage
{
    public required string Name { get; init; }
    public required StageKind Kind { get; init; }

    /// <summary>Position in the progression (−1 for side stages).</summary>
    public int Order { get; init; } = -1;

    public Func<Signals.Signals, bool>? Criterion { get; init; }
    public Func<Signals.Signals, DateOnly?>? EntryDate { get; init; }
    public ReasonTemplate? Reason { get; init; }
    public string? CriterionText { get; init; }
    public IReadOnlyList<CompiledRiskSignal> RiskSignals { get; init; } = [];
}

internal sealed record CompiledRiskSignal(string Name, Func<Signals.Signals, bool> Criterion, ReasonTemplate? Reason);

/// <summary>A validated stage model, ready to evaluate.</summary>
internal sealed class CompiledStageModel
{
    public required IReadOnlyList<CompiledStage> Progression { get; init; }
    public CompiledStage? Risk { get; init; }
    public CompiledStage? Terminal { get; init; }
    public required Func<Signals.Signals, bool> Eligibility { get; init; }
    public required CompiledStage CustomerStage { get; init; }
    public string? TimeToValueFrom { get; init; }
    public string? TimeToValueTo { get; init; }
    public required IReadOnlyDictionary<string, CompiledStage> ByName { get; init; }

    public CompiledStage? Find(string? name) => name is not null && ByName.TryGetValue(name, out var stage) ? stage : null;

    /// <summary>All stage labels: the picklist values the rules may write.</summary>
    public IEnumerable<string> Labels => ByName.Keys;
}
