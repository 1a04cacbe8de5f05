using CrmStateSync.Rules.Expressions;

namespace CrmStateSync.Rules.Configuration;

/// <summary>Validates a stage model and compiles its expressions; every problem is collected, none thrown.</summary>
internal static class StageModelCompiler
{
    private const string Key = "Rules:StageModel";

    public static CompiledStageModel? Compile(StageModelOptions options, ExpressionCompiler compiler, List<string> problems)
    {
        var stages = new List<CompiledStage>();
        var byName = new Dictionary<string, CompiledStage>(StringComparer.Ordinal);
        for (var i = 0; i < options.Stages.Count; i++)
        {
            var stage = CompileStage(options.Stages[i], $"{Key}:Stages:{i}", stages.Count(s => s.Kind == StageKind.Progression), compiler, problems);
            if (string.IsNullOrWhiteSpace(stage.Name))
            {
                problems.Add($"{Key}:Stages:{i}:Name: a stage needs a name (its picklist label)");
            }
            else if (!byName.TryAdd(stage.Name, stage))
            {
                problems.Add($"{Key}:Stages:{i}:Name: the stage '{stage.Name}' is listed twice");
            }

            stages.Add(stage);
        }

        var progression = stages.Where(s => s.Kind == StageKind.Progression).ToList();
        if (progression.Count == 0)
        {
            problems.Add($"{Key}:Stages: the model needs at least one progression stage");
        }

        var risk = Single(stages, StageKind.Risk, problems);
        var terminal = Single(stages, StageKind.Terminal, problems);
        var customer = ResolveStage(options.CustomerStage, "CustomerStage", byName, problems) ?? progression.FirstOrDefault();
        if (customer is { Kind: not StageKind.Progression })
        {
            problems.Add($"{Key}:CustomerStage: '{customer.Name}' is a side stage; the customer stage must be in the progression");
        }

        var ttvFrom = ResolveStage(options.TimeToValueFrom, "TimeToValueFrom", byName, problems)?.Name ?? customer?.Name;
        var ttvTo = ResolveStage(options.TimeToValueTo, "TimeToValueTo", byName, problems)?.Name;
        var eligibility = compiler.Bool(options.Eligibility ?? "HasClosedWon", $"{Key}:Eligibility");
        if (customer is null || eligibility is null)
        {
            return null;
        }

        return new CompiledStageModel
        {
            Progression = progression,
            Risk = risk,
            Terminal = terminal,
            Eligibility = eligibility,
            CustomerStage = customer,
            TimeToValueFrom = ttvFrom,
            TimeToValueTo = ttvTo,
            ByName = byName,
        };
    }

    private static CompiledStage CompileStage(StageOptions o, string key, int order, ExpressionCompiler compiler, List<string> problems)
    {
        var isRisk = o.Kind == StageKind.Risk;
        if (isRisk && o.RiskSignals.Count == 0)
        {
            problems.Add($"{key}:RiskSignals: the risk stage '{o.Name}' needs at least one risk signal");
        }

        return new CompiledStage
        {
            Name = o.Name,
            Kind = o.Kind,
            Order = o.Kind == StageKind.Progression ? order : -1,
            CriterionText = o.Criterion,
            Criterion = isRisk ? null : compiler.Bool(o.Criterion, $"{key}:Criterion ({o.Name})"),
            EntryDate = o.EntryDate is null ? null : compiler.Date(o.EntryDate, $"{key}:EntryDate ({o.Name})"),
            Reason = o.Reason is null ? null : ReasonTemplate.Compile(o.Reason, $"{key}:Reason ({o.Name})", compiler, problems),
            RiskSignals = o.RiskSignals.Select((r, j) => CompileRisk(r, $"{key}:RiskSignals:{j}", compiler, problems)).OfType<CompiledRiskSignal>().ToList(),
        };
    }

    private static CompiledRiskSignal? CompileRisk(RiskSignalOptions r, string key, ExpressionCompiler compiler, List<string> problems)
    {
        var criterion = compiler.Bool(r.Criterion, $"{key}:Criterion ({r.Name})");
        var reason = r.Reason is null ? null : ReasonTemplate.Compile(r.Reason, $"{key}:Reason ({r.Name})", compiler, problems);
        return criterion is null ? null : new CompiledRiskSignal(string.IsNullOrWhiteSpace(r.Name) ? $"risk signal {key}" : r.Name, criterion, reason);
    }

    private static CompiledStage? Single(List<CompiledStage> stages, StageKind kind, List<string> problems)
    {
        var matches = stages.Where(s => s.Kind == kind).ToList();
        if (matches.Count > 1)
        {
            problems.Add($"{Key}:Stages: at most one {kind} stage is allowed, found {string.Join(", ", matches.Select(s => s.Name))}");
        }

        return matches.FirstOrDefault();
    }

    private static CompiledStage? ResolveStage(string? name, string setting, Dictionary<string, CompiledStage> byName, List<string> problems)
    {
        if (name is null)
        {
            return null;
        }

        if (byName.TryGetValue(name, out var stage))
        {
            return stage;
        }

        problems.Add($"{Key}:{setting}: unknown stage '{name}' (the model has {string.Join(", ", byName.Keys)})");
        return null;
    }
}
