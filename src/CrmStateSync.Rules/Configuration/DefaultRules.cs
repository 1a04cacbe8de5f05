namespace CrmStateSync.Rules.Configuration;

/// <summary>The defaults of rules.md: the six-stage model, a milestone set and divergence stages.</summary>
public static class DefaultRules
{
    public const string NewCustomer = "New Customer";
    public const string Onboarding = "Onboarding";
    public const string Adopting = "Adopting";
    public const string Healthy = "Healthy";
    public const string AtRisk = "At-Risk";
    public const string Churned = "Churned";

    /// <summary>The default stage model of rules.md §3.</summary>
    public static StageModelOptions StageModel() => new()
    {
        Eligibility = "HasClosedWon",
        CustomerStage = NewCustomer,
        TimeToValueFrom = NewCustomer,
        TimeToValueTo = Adopting,
        Stages =
        [
            Stage(NewCustomer, "HasClosedWon && ActiveSubscription", "{CustomerStartText}", "CustomerSince"),
            Stage(Onboarding, "KickoffOn != null || FirstActiveOn != null", "{OnboardingStartText}", "OnboardingStartedOn"),
            Stage(Adopting, "ValueActions14d >= T.ValueActionThreshold", "{ValueActions14d} value actions in the last 14 days ≥ {T.ValueActionThreshold}"),
            Stage(Healthy, "OnboardingCompleteOn != null && CoreEvents30d >= 3 && ActiveUsers30d >= 2",
                "onboarding complete {OnboardingCompleteOn}, {CoreEvents30d} core events and {ActiveUsers30d} active users in the last 30 days"),
            new StageOptions
            {
                Name = AtRisk,
                Kind = StageKind.Risk,
                RiskSignals =
                [
                    Risk("core events halved", "CoreEventsDropped", "{CoreEvents30d} core events in the last 30 days vs {CoreEventsPrev30d} in the previous 30"),
                    Risk("integration removed", "DailyWorkIntegration == \"Reset\" && IntegrationRemoved", "Daily-Work Integration is Reset: the integration was removed"),
                    Risk("renewal at risk", "RenewalInDays != null && RenewalInDays <= T.RenewalRiskDays && StatesNotHit >= T.RenewalRiskStatesNotHit",
                        "renewal {RenewalOn} in {RenewalInDays} days with {StatesNotHit} states not Hit"),
                ],
            },
            new StageOptions
            {
                Name = Churned,
                Kind = StageKind.Terminal,
                Criterion = "ChurnedOn != null",
                EntryDate = "ChurnedOn",
                Reason = "no active subscription: {ChurnText}",
            },
        ],
    };

    /// <summary>A default milestone set (the <c>default</c> segment).</summary>
    public static Dictionary<string, List<MilestoneOptions>> Milestones() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] =
        [
            Milestone("first_user_active", "First user active", "FirstActiveOn != null", 14),
            Milestone("first_project", "First project created", "Total(\"projects_created\") >= 1", 14),
            Milestone("first_value_action", "First value action", "TotalValueActions >= 1", 21),
            Milestone("team_adoption", "Three active users", "ActiveUsers30d >= 3", 30),
            Milestone("integration_live", "Integration live", "IntegrationStatus == \"Live\"", 45),
            Milestone("first_outcome", "First outcome attributed", "LastOutcomeOn != null", 60),
        ],
    };

    /// <summary>rules.md §6.</summary>
    public static DivergenceOptions Divergence() => new()
    {
        HiddenRiskStages = [Adopting, Healthy],
        AheadOfStageStages = [NewCustomer, Onboarding],
    };

    private static StageOptions Stage(string name, string criterion, string reason, string? entryDate = null) =>
        new() { Name = name, Kind = StageKind.Progression, Criterion = criterion, Reason = reason, EntryDate = entryDate };

    private static RiskSignalOptions Risk(string name, string criterion, string reason) =>
        new() { Name = name, Criterion = criterion, Reason = reason };

    private static MilestoneOptions Milestone(string key, string name, string condition, int targetDays) =>
        new() { Key = key, Name = name, Condition = condition, TargetDays = targetDays };
}
