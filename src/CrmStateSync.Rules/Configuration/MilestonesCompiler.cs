using CrmStateSync.Rules.Expressions;

namespace CrmStateSync.Rules.Configuration;

/// <summary>One milestone with its condition compiled.</summary>
internal sealed record CompiledMilestone(string Key, string Name, Func<Signals.Signals, bool> Condition, int TargetDays);

/// <summary>Validates the milestone lists per segment (keys unique, targets not negative) and compiles conditions.</summary>
internal static class MilestonesCompiler
{
    public static Dictionary<string, CompiledMilestone[]> Compile(Dictionary<string, List<MilestoneOptions>> options, ExpressionCompiler compiler, List<string> problems)
    {
        var result = new Dictionary<string, CompiledMilestone[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (segment, list) in options)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var compiled = new List<CompiledMilestone>();
            for (var i = 0; i < list.Count; i++)
            {
                var m = list[i];
                var key = $"Rules:Milestones:{segment}:{i}";
                if (string.IsNullOrWhiteSpace(m.Key))
                {
                    problems.Add($"{key}:Key: a milestone needs a key");
                }
                else if (!keys.Add(m.Key))
                {
                    problems.Add($"{key}:Key: duplicate milestone key '{m.Key}' in segment '{segment}'");
                }

                if (m.TargetDays < 0)
                {
                    problems.Add($"{key}:TargetDays: must not be negative (was {m.TargetDays})");
                }

                var condition = compiler.Bool(m.Condition, $"{key}:Condition ({m.Key})");
                if (condition is not null)
                {
                    compiled.Add(new CompiledMilestone(m.Key, string.IsNullOrWhiteSpace(m.Name) ? m.Key : m.Name, condition, m.TargetDays));
                }
            }

            result[segment] = [.. compiled];
        }

        return result;
    }
}
