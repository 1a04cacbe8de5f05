namespace CrmStateSync.Rules.Model;

/// <summary>One state's value and the date of the newest evidence behind it.</summary>
public readonly record struct StateReading(StateValue Value, DateOnly? VerifiedOn);

/// <summary>The six states' readings; a missing reading means the CRM field is empty (no previous value).</summary>
public sealed record StateSet
{
    /// <summary>No state has a value.</summary>
    public static readonly StateSet Empty = new();

    public StateReading? GoalClarity { get; init; }
    public StateReading? ConfiguredForGoals { get; init; }
    public StateReading? ValueActionAdoption { get; init; }
    public StateReading? MultiStakeholderEngagement { get; init; }
    public StateReading? OutcomeAttribution { get; init; }
    public StateReading? DailyWorkIntegration { get; init; }

    /// <summary>The reading of one state, or null.</summary>
    public StateReading? Get(CsState state) => state switch
    {
        CsState.GoalClarity => GoalClarity,
        CsState.ConfiguredForGoals => ConfiguredForGoals,
        CsState.ValueActionAdoption => ValueActionAdoption,
        CsState.MultiStakeholderEngagement => MultiStakeholderEngagement,
        CsState.OutcomeAttribution => OutcomeAttribution,
        _ => DailyWorkIntegration,
    };

    /// <summary>A copy with one state's reading replaced.</summary>
    public StateSet With(CsState state, StateReading? reading) => state switch
    {
        CsState.GoalClarity => this with { GoalClarity = reading },
        CsState.ConfiguredForGoals => this with { ConfiguredForGoals = reading },
        CsState.ValueActionAdoption => this with { ValueActionAdoption = reading },
        CsState.MultiStakeholderEngagement => this with { MultiStakeholderEngagement = reading },
        CsState.OutcomeAttribution => this with { OutcomeAttribution = reading },
        _ => this with { DailyWorkIntegration = reading },
    };
}
