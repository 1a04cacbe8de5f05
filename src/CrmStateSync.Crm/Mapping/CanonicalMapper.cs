using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Mapping;

/// <summary>
/// Maps raw CRM records to the canonical model (rules.md §1) through the field mapping. A value that cannot be
/// converted becomes a <see cref="FieldProblem"/> naming the record, the field and the value; the record's other fields
/// still arrive.
/// </summary>
public sealed class CanonicalMapper(FieldMappingOptions mapping, IValueFormat format)
{
    public FieldMappingOptions Mapping { get; } = mapping;

    public CrmChange<AccountRecord> Account(RawRecord raw) => Map(raw, Mapping.Account, f => new AccountRecord(new AccountSnapshot
    {
        Id = raw.Id,
        Name = f.Text("name"),
        Segment = f.Text("segment"),
        OwnerId = f.Text("ownerId"),
        GoalOwnerId = f.Text("goalOwnerId"),
        PrimaryGoal = f.Text("primaryGoal"),
        GoalReviewedOn = f.Date("goalReviewedOn"),
        GoalChangedOn = f.Date("goalChangedOn"),
        LeadershipChangeOn = f.Date("leadershipChangeOn"),
        KickoffOn = f.Date("kickoffOn"),
        OnboardingCompleteOn = f.Date("onboardingCompleteOn"),
        WorkflowsLive = f.Bool("workflowsLive") ?? false,
        ConfigVerifiedOn = f.Date("configVerifiedOn"),
        WorkflowGapOn = f.Date("workflowGapOn"),
        IntegrationStatus = f.Enum<IntegrationStatus>("integrationStatus", "integrationStatus"),
        IntegrationChangedOn = f.Date("integrationChangedOn"),
        InNewHireOnboarding = f.Bool("inNewHireOnboarding"),
        LastOutcomeOn = f.Date("lastOutcomeOn"),
        LastOutcome = f.Text("lastOutcome"),
        AtRiskReason = f.Text("atRiskReason"),
        OverrideReason = f.Text(ManagedField.OverrideReason),
        Managed = ManagedReader.Read(f, Mapping),
    }) { ManagedText = ManagedReader.Texts(f, Mapping) });

    public CrmChange<OpportunityRecord> Opportunity(RawRecord raw) => Map(raw, Mapping.Opportunity, f => new OpportunityRecord(f.Text("accountId") ?? "", new Opportunity
    {
        Id = raw.Id,
        IsClosed = f.Bool("isClosed") ?? false,
        IsWon = f.Bool("isWon") ?? false,
        CloseDate = f.Date("closeDate"),
        Type = f.Enum<OpportunityType>("type", "opportunityType"),
        ContractStart = f.Date("contractStart"),
        ContractEnd = f.Date("contractEnd"),
    }));

    public CrmChange<ContactRecord> Contact(RawRecord raw) => Map(raw, Mapping.Contact, f => new ContactRecord(f.Text("accountId") ?? "", new Contact
    {
        Id = raw.Id,
        Function = f.Text("function"),
        Role = f.Enum<ContactRole>("role", "stakeholderRole"),
        LastActiveOn = f.Date("lastActiveOn"),
        LastEngagedOn = f.Date("lastEngagedOn"),
        DepartedOn = f.Date("departedOn"),
    }));

    /// <summary>A usage row without a readable date cannot be placed in any window: it comes back as a problem, no record.</summary>
    public CrmChange<UsageRecord> Usage(RawRecord raw)
    {
        var change = Map(raw, Mapping.Usage, f => f.Date("date") is { } date
            ? new UsageRecord(raw.Id, f.Text("accountId") ?? "", new UsageRow
            {
                Date = date,
                ActiveUsers = f.Count("activeUsers"),
                ValueActions = f.Count("valueActions"),
                CoreEvents = f.Count("coreEvents"),
                Metrics = Metrics(f),
            })
            : null);
        return change.Record is null && !raw.Deleted && change.Problems.Count == 0
            ? change with { Problems = [new FieldProblem(raw.Id, Mapping.Usage.GetValueOrDefault("date", "date"), null, "is missing: a usage row needs a date")] }
            : change;
    }

    private Dictionary<string, double> Metrics(RawFields f)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, field) in Mapping.UsageMetrics)
        {
            if (f.Number(field) is { } value)
            {
                metrics[name] = value;
            }
        }

        return metrics;
    }

    private CrmChange<T> Map<T>(RawRecord raw, IReadOnlyDictionary<string, string> map, Func<RawFields, T?> build)
        where T : class
    {
        if (raw.Deleted)
        {
            return new CrmChange<T>(raw.Id, raw.ModifiedAt, null, true, [], raw.LastModifiedBy);
        }

        var problems = new List<FieldProblem>();
        var record = build(new RawFields(raw, map, Mapping, format, problems));
        return new CrmChange<T>(raw.Id, raw.ModifiedAt, record, false, problems, raw.LastModifiedBy);
    }
}
