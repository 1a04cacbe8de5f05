using CrmStateSync.Rules.Configuration;

namespace CrmStateSync.Reports;

/// <summary>
/// What reports need of the stage model: stage labels in display order (progression, then risk, then terminal), which
/// stages are <em>resting</em> — the last progression stage (Healthy: "ongoing" in the playbook) and terminal ones
/// (Churned) — and the time-to-value stages. Accounts are meant to move through the other stages, so only those raise the
/// playbook's "over 20% in one stage" and "stuck" flags.
/// </summary>
public sealed record ReportStageModel(IReadOnlyList<string> Stages, IReadOnlySet<string> Resting, string? TimeToValueFrom, string? TimeToValueTo)
{
    public static ReportStageModel Default { get; } = From(null);

    /// <summary>From the configured <c>Rules:StageModel</c> (the defaults of rules.md when none is configured).</summary>
    public static ReportStageModel From(StageModelOptions? configured)
    {
        var options = configured is { Stages.Count: > 0 } ? configured : DefaultRules.StageModel();
        var progression = options.Stages.Where(s => s.Kind == StageKind.Progression).Select(s => s.Name).ToList();
        var risk = options.Stages.Where(s => s.Kind == StageKind.Risk).Select(s => s.Name);
        var terminal = options.Stages.Where(s => s.Kind == StageKind.Terminal).Select(s => s.Name).ToList();
        var resting = new HashSet<string>(terminal, StringComparer.Ordinal);
        if (progression.Count > 0)
        {
            resting.Add(progression[^1]);
        }

        // The same fallbacks as the rules' compiler: time to value starts at the customer stage unless configured.
        var from = options.TimeToValueFrom ?? options.CustomerStage ?? progression.FirstOrDefault();
        return new ReportStageModel([.. progression, .. risk, .. terminal], resting, from, options.TimeToValueTo);
    }

    /// <summary>Position for sorting: configured stages in model order, unknown labels after them.</summary>
    public int Order(string stage)
    {
        for (var i = 0; i < Stages.Count; i++)
        {
            if (Stages[i] == stage)
            {
                return i;
            }
        }

        return Stages.Count;
    }

    /// <summary>The model's stages, then any other label the history holds (a stage since removed from configuration).</summary>
    public IReadOnlyList<string> WithExtra(IEnumerable<string> seen) =>
        [.. Stages, .. seen.Distinct(StringComparer.Ordinal).Where(s => !Stages.Contains(s)).Order(StringComparer.Ordinal)];
}
