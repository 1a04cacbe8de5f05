using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests;

/// <summary>Builders for the stage, milestone and divergence tests.</summary>
internal static partial class Some
{
    /// <summary>A customer won <paramref name="wonDaysAgo"/> days ago and nothing else: no kickoff, usage or contacts.</summary>
    public static AccountSnapshot BareCustomer(int wonDaysAgo = 200, DateOnly? contractEnd = null) =>
        Account("acc-bare") with { Opportunities = [Won(DaysAgo(wonDaysAgo), contractEnd)] };

    /// <summary>Entry dates per stage, each given as days before <see cref="AsOf"/>.</summary>
    public static IReadOnlyDictionary<string, DateOnly> StageStamps(params (string Stage, int DaysAgo)[] stamps) =>
        stamps.ToDictionary(s => s.Stage, s => DaysAgo(s.DaysAgo), StringComparer.Ordinal);

    /// <summary>The progression entry dates up to and including <paramref name="stage"/>: New Customer 200 days ago,
    /// Onboarding 190, Adopting 150, Healthy 100.</summary>
    public static IReadOnlyDictionary<string, DateOnly> StampsUpTo(string stage)
    {
        (string, int)[] ladder = [(DefaultRules.NewCustomer, 200), (DefaultRules.Onboarding, 190), (DefaultRules.Adopting, 150), (DefaultRules.Healthy, 100)];
        var count = Array.FindIndex(ladder, s => s.Item1 == stage) + 1;
        return StageStamps(ladder[..count]);
    }

    /// <summary>The record as the worker left it: the stage written (CRM value = last written) with its entry dates.
    /// Set on defaults to the stage's own entry date.</summary>
    public static AccountSnapshot WithStageWritten(this AccountSnapshot snapshot, string? stage, IReadOnlyDictionary<string, DateOnly> entryDates, StageSource source = StageSource.Automated, DateOnly? setOn = null) =>
        snapshot with
        {
            Managed = snapshot.Managed with { Stage = stage, StageEntryDates = entryDates },
            LastWritten = new LastWritten
            {
                Stage = stage,
                StageSource = source,
                StageSetOn = setOn ?? (stage is not null && entryDates.TryGetValue(stage, out var entered) ? entered : null),
            },
        };

    /// <summary>A CSM changed the stage picklist in the CRM (the CRM value now differs from what the worker last wrote).</summary>
    public static AccountSnapshot WithStageSetByHand(this AccountSnapshot snapshot, string? stage, DateOnly? changedOn = null) =>
        snapshot with { Managed = snapshot.Managed with { Stage = stage, StageChangedOn = changedOn } };

    /// <summary><see cref="HealthyCustomer"/> without onboarding complete: go-live computes Adopting, every state Hit.</summary>
    public static AccountSnapshot AdoptingCustomer() => HealthyCustomer("acc-adopting") with { OnboardingCompleteOn = null };

    /// <summary>
    /// Goal Clarity, Configured for Goals and Multi-Stakeholder Engagement Hit while the stage is Onboarding (5 value
    /// actions two days ago: under the Adopting gate, so Value-Action Adoption is Slipping; every other state Hit).
    /// </summary>
    public static AccountSnapshot OnboardingCustomerAheadOfStage() => HealthyCustomer("acc-ahead") with
    {
        OnboardingCompleteOn = null,
        Usage = [Usage(DaysAgo(2), activeUsers: 2, valueActions: 5, coreEvents: 1)],
    };

    /// <summary>The rules with the default model and the given milestone lists per segment.</summary>
    public static CompiledRules RulesWithMilestones(Dictionary<string, List<MilestoneOptions>> milestones) =>
        RulesCompiler.Compile(new RulesOptions { Milestones = milestones });

    public static MilestoneOptions Milestone(string key, string condition, int targetDays, string? name = null) =>
        new() { Key = key, Name = name ?? key, Condition = condition, TargetDays = targetDays };
}
