namespace CrmStateSync.Rules.Configuration;

/// <summary>The validated, compiled rules: build once at start-up, evaluate many times (thread-safe, immutable).</summary>
public sealed class CompiledRules
{
    private readonly Thresholds _baseThresholds;
    private readonly Dictionary<string, Thresholds> _segmentThresholds;
    private readonly Dictionary<string, CompiledMilestone[]> _milestones;
    private readonly HashSet<string> _hiddenRiskStages;
    private readonly HashSet<string> _aheadOfStageStages;

    internal CompiledRules(
        CompiledStageModel model,
        Thresholds baseThresholds,
        Dictionary<string, Thresholds> segmentThresholds,
        Dictionary<string, CompiledMilestone[]> milestones,
        DivergenceOptions divergence)
    {
        StageModel = model;
        _baseThresholds = baseThresholds.Clone();
        _segmentThresholds = segmentThresholds;
        _milestones = milestones;
        _hiddenRiskStages = new HashSet<string>(divergence.HiddenRiskStages, StringComparer.Ordinal);
        _aheadOfStageStages = new HashSet<string>(divergence.AheadOfStageStages, StringComparer.Ordinal);
    }

    /// <summary>The default rules of rules.md.</summary>
    public static CompiledRules Default { get; } = RulesCompiler.Compile(new RulesOptions());

    internal CompiledStageModel StageModel { get; }

    /// <summary>Every stage label the rules may write (the picklist values the CRM must hold).</summary>
    public IReadOnlyList<string> StageLabels => [.. StageModel.Labels];

    /// <summary>The stage time to value is counted from (default New Customer); null when not configured.</summary>
    public string? TimeToValueFrom => StageModel.TimeToValueFrom;

    /// <summary>The stage time to value is counted to (default Adopting); null when not configured.</summary>
    public string? TimeToValueTo => StageModel.TimeToValueTo;

    /// <summary>Every milestone key of any segment (the fields a mapping may name).</summary>
    public IReadOnlyList<string> MilestoneKeys => [.. _milestones.Values.SelectMany(m => m).Select(m => m.Key).Distinct()];

    /// <summary>The thresholds in force for a segment (its overrides on the base values).</summary>
    public Thresholds ThresholdsFor(string? segment) =>
        segment is not null && _segmentThresholds.TryGetValue(segment, out var t) ? t : _baseThresholds;

    internal CompiledMilestone[] MilestonesFor(string? segment) =>
        segment is not null && _milestones.TryGetValue(segment, out var list) ? list
        : _milestones.TryGetValue("default", out var fallback) ? fallback : [];

    internal bool IsHiddenRiskStage(string? stage) => stage is not null && _hiddenRiskStages.Contains(stage);

    internal bool IsAheadOfStageStage(string? stage) => stage is not null && _aheadOfStageStages.Contains(stage);
}
