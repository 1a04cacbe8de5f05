using CrmStateSync.Rules.Expressions;

namespace CrmStateSync.Rules.Configuration;

/// <summary>Turns <see cref="RulesOptions"/> into <see cref="CompiledRules"/>, or lists every problem at once.</summary>
public static class RulesCompiler
{
    /// <summary>Validates and compiles; throws <see cref="RulesConfigurationException"/> listing every problem.</summary>
    public static CompiledRules Compile(RulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var compiler = new ExpressionCompiler(problems);
        var model = StageModelCompiler.Compile(options.StageModel ?? DefaultRules.StageModel(), compiler, problems);
        var thresholds = ThresholdsCompiler.Compile(options, problems);
        var milestones = MilestonesCompiler.Compile(options.Milestones ?? DefaultRules.Milestones(), compiler, problems);
        var divergence = options.Divergence ?? DefaultRules.Divergence();
        if (model is not null)
        {
            CheckStages(divergence.HiddenRiskStages, "Rules:Divergence:HiddenRiskStages", model, problems);
            CheckStages(divergence.AheadOfStageStages, "Rules:Divergence:AheadOfStageStages", model, problems);
        }

        if (problems.Count > 0 || model is null)
        {
            throw new RulesConfigurationException(problems);
        }

        return new CompiledRules(model, options.Thresholds, thresholds, milestones, divergence);
    }

    /// <summary>The validation problems of the options, empty when they compile.</summary>
    public static IReadOnlyList<string> Validate(RulesOptions options)
    {
        try
        {
            Compile(options);
            return [];
        }
        catch (RulesConfigurationException ex)
        {
            return ex.Problems;
        }
    }

    private static void CheckStages(List<string> names, string key, CompiledStageModel model, List<string> problems)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (model.Find(names[i]) is null)
            {
                problems.Add($"{key}:{i}: unknown stage '{names[i]}' (the model has {string.Join(", ", model.Labels)})");
            }
        }
    }
}
