using System.Reflection;

namespace CrmStateSync.Rules.Configuration;

/// <summary>Validates the base thresholds and resolves each segment's overrides into its own <see cref="Thresholds"/>.</summary>
internal static class ThresholdsCompiler
{
    private static readonly Dictionary<string, PropertyInfo> Settable = typeof(Thresholds)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(int) && p.CanWrite)
        .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public static Dictionary<string, Thresholds> Compile(RulesOptions options, List<string> problems)
    {
        Check(options.Thresholds, "Rules:Thresholds", problems);
        var bySegment = new Dictionary<string, Thresholds>(StringComparer.OrdinalIgnoreCase);
        foreach (var (segment, overrides) in options.Segments)
        {
            var resolved = options.Thresholds.Clone();
            foreach (var (name, value) in overrides)
            {
                if (Settable.TryGetValue(name, out var property))
                {
                    property.SetValue(resolved, value);
                }
                else
                {
                    problems.Add($"Rules:Segments:{segment}:{name}: unknown threshold (known: {string.Join(", ", Settable.Keys)})");
                }
            }

            Check(resolved, $"Rules:Segments:{segment}", problems);
            bySegment[segment] = resolved;
        }

        return bySegment;
    }

    private static void Check(Thresholds t, string key, List<string> problems)
    {
        foreach (var property in Settable.Values)
        {
            var value = (int)property.GetValue(t)!;
            if (value < 0)
            {
                problems.Add($"{key}:{property.Name}: must not be negative (was {value})");
            }
        }

        Positive(t.ValueActionWindowDays, $"{key}:ValueActionWindowDays", problems);
        Positive(t.ActivityWindowDays, $"{key}:ActivityWindowDays", problems);
        Positive(t.OutcomeCycleDays, $"{key}:OutcomeCycleDays", problems);
        if (t.GoalReviewSlipDays < t.GoalReviewHitDays)
        {
            problems.Add($"{key}:GoalReviewSlipDays: must be at least GoalReviewHitDays ({t.GoalReviewHitDays}), was {t.GoalReviewSlipDays}");
        }
    }

    private static void Positive(int value, string key, List<string> problems)
    {
        if (value == 0)
        {
            problems.Add($"{key}: a window must be at least one day (was 0)");
        }
    }
}
