namespace CrmStateSync.Rules.Configuration;

/// <summary>
/// The rules configuration as bound from the <c>Rules</c> section. Anything left null takes the default of rules.md
/// (<see cref="DefaultRules"/>); <see cref="RulesCompiler"/> validates the whole and compiles the expressions once.
/// </summary>
public sealed class RulesOptions
{
    /// <summary>The stage model; null = the default six-stage model.</summary>
    public StageModelOptions? StageModel { get; set; }

    /// <summary>Base thresholds for every segment.</summary>
    public Thresholds Thresholds { get; set; } = new();

    /// <summary>Per segment: threshold name → value, overriding <see cref="Thresholds"/>.</summary>
    public Dictionary<string, Dictionary<string, int>> Segments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Milestones per segment; the segment <c>default</c> serves segments without a list of their own.
    /// Null = the default set.</summary>
    public Dictionary<string, List<MilestoneOptions>>? Milestones { get; set; }

    /// <summary>Divergence settings; null = rules.md §6.</summary>
    public DivergenceOptions? Divergence { get; set; }
}

/// <summary>A stage model: stages in progression order, side stages flagged by kind.</summary>
public sealed class StageModelOptions
{
    /// <summary>Which accounts have a stage at all. Default <c>HasClosedWon</c>.</summary>
    public string? Eligibility { get; set; }

    /// <summary>The stage that marks becoming a customer: facts before its entry do not count for progression, and a
    /// reactivation returns here. Default: the first progression stage.</summary>
    public string? CustomerStage { get; set; }

    /// <summary>Time to value runs from this stage's entry … Default: the customer stage.</summary>
    public string? TimeToValueFrom { get; set; }

    /// <summary>… to this stage's entry. Default <c>Adopting</c> when the model has it.</summary>
    public string? TimeToValueTo { get; set; }

    public List<StageOptions> Stages { get; set; } = [];
}

/// <summary>What kind of stage: a forward-only gate, the risk side stage, or the terminal side stage.</summary>
public enum StageKind
{
    Progression,
    Risk,
    Terminal,
}

/// <summary>One stage.</summary>
public sealed class StageOptions
{
    /// <summary>The picklist label.</summary>
    public string Name { get; set; } = "";

    public StageKind Kind { get; set; } = StageKind.Progression;

    /// <summary>Entry criterion (progression and terminal stages): a boolean expression over signals.</summary>
    public string? Criterion { get; set; }

    /// <summary>Entry date expression (a <c>DateOnly?</c> over signals); null or later than as-of = the as-of date.</summary>
    public string? EntryDate { get; set; }

    /// <summary>Reason text with <c>{expression}</c> placeholders, e.g. <c>{ValueActions14d} value actions …</c>.</summary>
    public string? Reason { get; set; }

    /// <summary>Risk stages: the named risk signals; any one holding puts the account at risk.</summary>
    public List<RiskSignalOptions> RiskSignals { get; set; } = [];
}

/// <summary>A named risk signal of the risk stage.</summary>
public sealed class RiskSignalOptions
{
    public string Name { get; set; } = "";
    public string Criterion { get; set; } = "";
    public string? Reason { get; set; }
}

/// <summary>One milestone of a segment's ordered list.</summary>
public sealed class MilestoneOptions
{
    /// <summary>Stable key (the JSON key and the field mapping key).</summary>
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Boolean expression over signals, typically <c>Total("projects_created") >= 1</c>.</summary>
    public string Condition { get; set; } = "";

    /// <summary>Target days from the previous completion (the first: from the customer stage's entry).</summary>
    public int TargetDays { get; set; }
}

/// <summary>Which stages divergence reads (rules.md §6).</summary>
public sealed class DivergenceOptions
{
    /// <summary>Stages where any Slipping or Reset state is hidden risk. Default Adopting, Healthy.</summary>
    public List<string> HiddenRiskStages { get; set; } = [];

    /// <summary>Stages where the ahead-of-stage states all Hit means "ahead". Default New Customer, Onboarding.</summary>
    public List<string> AheadOfStageStages { get; set; } = [];
}
