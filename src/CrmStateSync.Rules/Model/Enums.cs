namespace CrmStateSync.Rules.Model;

/// <summary>The value of one of the six customer-success states.</summary>
public enum StateValue
{
    /// <summary>The state's signal holds.</summary>
    Hit,

    /// <summary>It held and its slip condition fired.</summary>
    Slipping,

    /// <summary>Back to square one: a reset trigger, or never established.</summary>
    Reset,
}

/// <summary>The six customer-success states, in the order of rules.md §4 (and of divergence texts).</summary>
public enum CsState
{
    GoalClarity,
    ConfiguredForGoals,
    ValueActionAdoption,
    MultiStakeholderEngagement,
    OutcomeAttribution,
    DailyWorkIntegration,
}

public enum OpportunityType
{
    NewBusiness,
    Renewal,
    Expansion,
}

public enum ContactRole
{
    ExecSponsor,
    Champion,
    User,
}

public enum IntegrationStatus
{
    None,
    Live,
    Broken,
    Removed,
}

/// <summary>Who set a stage: the rules, a human in the CRM, or the go-live backfill.</summary>
public enum StageSource
{
    Automated,
    Manual,
    Backfill,
}

/// <summary>Whether the evaluation is the live cycle or a historical replay (transitions are then recorded as Backfill).</summary>
public enum EvaluationMode
{
    Live,
    Backfill,
}

public enum InterventionKind
{
    GoalClarityConversation,
    ConfigurationReview,
    AdoptionIntervention,
    StakeholderReengagement,
    OutcomeReview,
    IntegrationEscalation,
    MilestoneStalled,
}
