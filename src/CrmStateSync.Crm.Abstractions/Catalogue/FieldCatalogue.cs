using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Catalogue;

/// <summary>
/// The canonical input fields (rules.md §1) of the account, the opportunity, the contact and the usage row, once for
/// every reader and writer: the CRM mapper and the snapshot file reader build the model through the <c>Read…</c>
/// methods (the only place that lists the fields for reading), the sandbox seed writes the model through the field
/// lists (the only place that lists them for writing). A new input field is one line in each, in this file; the tests
/// hold the two, the model and the default CRM mappings to each other.
/// <para>
/// The readers are generic in the source so that a struct source (the snapshot file's, read 100,000 accounts at a
/// time) gets code of its own with direct, inlinable calls instead of an interface call per field.
/// </para>
/// <para>
/// Not catalogue fields, because they are structure rather than input values: every record's <c>id</c>, a child's
/// <c>accountId</c> link, an account's <c>managed</c> values (the worker's own fields, <see cref="ManagedField"/>),
/// <c>lastWritten</c> and its child lists (<see cref="IAccountParts"/>).
/// </para>
/// </summary>
public static class FieldCatalogue
{
    /// <summary>Picklist names (<c>FieldMappingOptions.Picklists</c>) of the input fields.</summary>
    public static class Picklists
    {
        public const string Segment = "segment";
        public const string IntegrationStatus = "integrationStatus";
        public const string OpportunityType = "opportunityType";
        public const string StakeholderRole = "stakeholderRole";
    }

    /// <summary>The key of a usage row's date, which the row cannot be placed without.</summary>
    public const string UsageDate = "date";

    /// <summary>The account's input fields, in rules.md §1 order.</summary>
    public static IReadOnlyList<CanonicalField<AccountSnapshot>> Account { get; } =
    [
        new("name", CanonicalFieldKind.Text, a => a.Name),
        new("segment", CanonicalFieldKind.Known, a => a.Segment, Picklists.Segment),
        new("ownerId", CanonicalFieldKind.Id, a => a.OwnerId, references: CanonicalReference.User),
        new("goalOwnerId", CanonicalFieldKind.Id, a => a.GoalOwnerId, references: CanonicalReference.Contact),
        new("primaryGoal", CanonicalFieldKind.Text, a => a.PrimaryGoal),
        new("goalReviewedOn", CanonicalFieldKind.Date, a => a.GoalReviewedOn),
        new("goalChangedOn", CanonicalFieldKind.Date, a => a.GoalChangedOn),
        new("leadershipChangeOn", CanonicalFieldKind.Date, a => a.LeadershipChangeOn),
        new("kickoffOn", CanonicalFieldKind.Date, a => a.KickoffOn),
        new("onboardingCompleteOn", CanonicalFieldKind.Date, a => a.OnboardingCompleteOn),
        new("workflowsLive", CanonicalFieldKind.Bool, a => a.WorkflowsLive),
        new("configVerifiedOn", CanonicalFieldKind.Date, a => a.ConfigVerifiedOn),
        new("workflowGapOn", CanonicalFieldKind.Date, a => a.WorkflowGapOn),
        new("integrationStatus", CanonicalFieldKind.Enum, a => a.IntegrationStatus, Picklists.IntegrationStatus),
        new("integrationChangedOn", CanonicalFieldKind.Date, a => a.IntegrationChangedOn),
        new("inNewHireOnboarding", CanonicalFieldKind.Bool, a => a.InNewHireOnboarding),
        new("lastOutcomeOn", CanonicalFieldKind.Date, a => a.LastOutcomeOn),
        new("lastOutcome", CanonicalFieldKind.Text, a => a.LastOutcome),
        new("atRiskReason", CanonicalFieldKind.Text, a => a.AtRiskReason),
        new(ManagedField.OverrideReason, CanonicalFieldKind.Text, a => a.OverrideReason),
    ];

    /// <summary>The opportunity's input fields.</summary>
    public static IReadOnlyList<CanonicalField<Opportunity>> Opportunity { get; } =
    [
        new("isClosed", CanonicalFieldKind.Bool, o => o.IsClosed),
        new("isWon", CanonicalFieldKind.Bool, o => o.IsWon),
        new("closeDate", CanonicalFieldKind.Date, o => o.CloseDate),
        new("type", CanonicalFieldKind.Enum, o => o.Type, Picklists.OpportunityType),
        new("contractStart", CanonicalFieldKind.Date, o => o.ContractStart),
        new("contractEnd", CanonicalFieldKind.Date, o => o.ContractEnd),
    ];

    /// <summary>The contact's input fields.</summary>
    public static IReadOnlyList<CanonicalField<Contact>> Contact { get; } =
    [
        new("function", CanonicalFieldKind.Text, c => c.Function),
        new("role", CanonicalFieldKind.Enum, c => c.Role, Picklists.StakeholderRole),
        new("lastActiveOn", CanonicalFieldKind.Date, c => c.LastActiveOn),
        new("lastEngagedOn", CanonicalFieldKind.Date, c => c.LastEngagedOn),
        new("departedOn", CanonicalFieldKind.Date, c => c.DepartedOn),
    ];

    /// <summary>The usage row's input fields.</summary>
    public static IReadOnlyList<CanonicalField<UsageRow>> Usage { get; } =
    [
        new(UsageDate, CanonicalFieldKind.Date, u => u.Date, required: true),
        new("activeUsers", CanonicalFieldKind.Count, u => u.ActiveUsers),
        new("valueActions", CanonicalFieldKind.Count, u => u.ValueActions),
        new("coreEvents", CanonicalFieldKind.Count, u => u.CoreEvents),
        new("metrics", CanonicalFieldKind.Metrics, u => u.Metrics),
    ];

    /// <summary>An account from <paramref name="f"/>; the parts that are not input fields come from <paramref name="parts"/>, each asked for once at its rules.md §1 place.</summary>
    public static AccountSnapshot ReadAccount<TSource, TParts>(TSource f, string id, TParts parts)
        where TSource : ICanonicalFieldSource
        where TParts : IAccountParts
    {
        return new AccountSnapshot
        {
            Id = id,
            Name = f.Text("name"),
            Segment = f.Known("segment", Picklists.Segment),
            OwnerId = f.Id("ownerId"),
            Managed = parts.Managed(),
            GoalOwnerId = f.Id("goalOwnerId"),
            PrimaryGoal = f.Text("primaryGoal"),
            GoalReviewedOn = f.CalendarDate("goalReviewedOn"),
            GoalChangedOn = f.CalendarDate("goalChangedOn"),
            LeadershipChangeOn = f.CalendarDate("leadershipChangeOn"),
            KickoffOn = f.CalendarDate("kickoffOn"),
            OnboardingCompleteOn = f.CalendarDate("onboardingCompleteOn"),
            WorkflowsLive = f.Bool("workflowsLive") ?? false,
            ConfigVerifiedOn = f.CalendarDate("configVerifiedOn"),
            WorkflowGapOn = f.CalendarDate("workflowGapOn"),
            IntegrationStatus = f.Picklist<IntegrationStatus>("integrationStatus", Picklists.IntegrationStatus),
            IntegrationChangedOn = f.CalendarDate("integrationChangedOn"),
            InNewHireOnboarding = f.Bool("inNewHireOnboarding"),
            LastOutcomeOn = f.CalendarDate("lastOutcomeOn"),
            LastOutcome = f.Text("lastOutcome"),
            AtRiskReason = f.Text("atRiskReason"),
            OverrideReason = f.Text(ManagedField.OverrideReason),
            LastWritten = parts.LastWritten(),
            Opportunities = parts.Opportunities(),
            Contacts = parts.Contacts(),
            Usage = parts.Usage(),
        };
    }

    public static Opportunity ReadOpportunity<TSource>(TSource f, string id)
        where TSource : ICanonicalFieldSource
    {
        return new Opportunity
        {
            Id = id,
            IsClosed = f.Bool("isClosed") ?? false,
            IsWon = f.Bool("isWon") ?? false,
            CloseDate = f.CalendarDate("closeDate"),
            Type = f.Picklist<OpportunityType>("type", Picklists.OpportunityType),
            ContractStart = f.CalendarDate("contractStart"),
            ContractEnd = f.CalendarDate("contractEnd"),
        };
    }

    public static Contact ReadContact<TSource>(TSource f, string id)
        where TSource : ICanonicalFieldSource
    {
        return new Contact
        {
            Id = id,
            Function = f.Text("function"),
            Role = f.Picklist<ContactRole>("role", Picklists.StakeholderRole),
            LastActiveOn = f.CalendarDate("lastActiveOn"),
            LastEngagedOn = f.CalendarDate("lastEngagedOn"),
            DepartedOn = f.CalendarDate("departedOn"),
        };
    }

    /// <summary>A usage row, or null when the source has no date for it (nothing else of the row is read then).</summary>
    public static UsageRow? ReadUsage<TSource>(TSource f)
        where TSource : ICanonicalFieldSource
    {
        return f.RequiredDate(UsageDate) is { } date
            ? new UsageRow
            {
                Date = date,
                ActiveUsers = f.Count("activeUsers"),
                ValueActions = f.Count("valueActions"),
                CoreEvents = f.Count("coreEvents"),
                Metrics = f.Metrics("metrics"),
            }
            : null;
    }
}
