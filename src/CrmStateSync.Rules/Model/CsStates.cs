namespace CrmStateSync.Rules.Model;

/// <summary>Names of the six states: JSON keys and the labels used in reasons and divergence texts.</summary>
public static class CsStates
{
    /// <summary>All six, in table order.</summary>
    public static readonly IReadOnlyList<CsState> All = Enum.GetValues<CsState>();

    private static readonly string[] Keys =
    [
        "goalClarity", "configuredForGoals", "valueActionAdoption",
        "multiStakeholderEngagement", "outcomeAttribution", "dailyWorkIntegration",
    ];

    private static readonly string[] Labels =
    [
        "Goal Clarity", "Configured for Goals", "Value-Action Adoption",
        "Multi-Stakeholder Engagement", "Outcome Attribution", "Daily-Work Integration",
    ];

    /// <summary>The camelCase key of rules.md §1 (<c>goalClarity</c> …).</summary>
    public static string Key(this CsState state) => Keys[(int)state];

    /// <summary>The label for people (<c>Goal Clarity</c> …).</summary>
    public static string Label(this CsState state) => Labels[(int)state];

    /// <summary>Parses a camelCase key; false for anything else.</summary>
    public static bool TryParseKey(string key, out CsState state)
    {
        var index = Array.IndexOf(Keys, key);
        state = (CsState)Math.Max(index, 0);
        return index >= 0;
    }
}
