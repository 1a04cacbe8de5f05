using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Crm.Mapping;

/// <summary>
/// Maps raw CRM records to the canonical model (rules.md §1) through the field mapping. A value that cannot be
/// converted becomes a <see cref="FieldProblem"/> naming the record, the field and the value; the record's other fields
/// still arrive, and the record is <see cref="CrmChange{T}.KeptAside"/> (an account only for its input fields: a bad value
/// in one of the worker's own fields is overwritten by the next write). An exception while mapping one record is that
/// record's problem, never the read's.
/// </summary>
public sealed class CanonicalMapper(FieldMappingOptions mapping, IValueFormat format)
{
    public FieldMappingOptions Mapping { get; } = mapping;

    public CrmChange<AccountRecord> Account(RawRecord raw)
    {
        var change = Map(raw, Mapping.Account, AccountOf);
        return change with { KeptAside = change.Problems.Any(p => !IsManagedField(p.Field)) };
    }

    private bool IsManagedField(string crmField) => Mapping.Account.Any(m => m.Value == crmField && ManagedField.IsManaged(m.Key));

    private AccountRecord AccountOf(RawRecord raw, RawFields f) => WithManagedText(f, new AccountSnapshot
    {
        Id = raw.Id,
        Name = f.Text("name"),
        Segment = f.Known("segment", "segment"),
        OwnerId = f.Id("ownerId"),
        GoalOwnerId = f.Id("goalOwnerId"),
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
    });

    private AccountRecord WithManagedText(RawFields f, AccountSnapshot account) =>
        new(account) { ManagedText = ManagedReader.Texts(f, Mapping, account.Managed) };

    public CrmChange<OpportunityRecord> Opportunity(RawRecord raw) => Child(Map(raw, Mapping.Opportunity, (_, f) => new OpportunityRecord(f.Reference("accountId"), new Opportunity
    {
        Id = raw.Id,
        IsClosed = f.Bool("isClosed") ?? false,
        IsWon = f.Bool("isWon") ?? false,
        CloseDate = f.Date("closeDate"),
        Type = f.Enum<OpportunityType>("type", "opportunityType"),
        ContractStart = f.Date("contractStart"),
        ContractEnd = f.Date("contractEnd"),
    })));

    public CrmChange<ContactRecord> Contact(RawRecord raw) => Child(Map(raw, Mapping.Contact, (_, f) => new ContactRecord(f.Reference("accountId"), new Contact
    {
        Id = raw.Id,
        Function = f.Text("function"),
        Role = f.Enum<ContactRole>("role", "stakeholderRole"),
        LastActiveOn = f.Date("lastActiveOn"),
        LastEngagedOn = f.Date("lastEngagedOn"),
        DepartedOn = f.Date("departedOn"),
    })));

    /// <summary>A usage row without a readable date cannot be placed in any window: it comes back as a problem, no record.</summary>
    public CrmChange<UsageRecord> Usage(RawRecord raw)
    {
        var change = Map(raw, Mapping.Usage, (_, f) => f.Date("date") is { } date
            ? new UsageRecord(raw.Id, f.Reference("accountId"), new UsageRow
            {
                Date = date,
                ActiveUsers = f.Count("activeUsers"),
                ValueActions = f.Count("valueActions"),
                CoreEvents = f.Count("coreEvents"),
                Metrics = Metrics(f),
            })
            : null);
        return Child(change.Record is null && !raw.Deleted && change.Problems.Count == 0
            ? change with { Problems = [new FieldProblem(raw.Id, Mapping.Usage.GetValueOrDefault("date", "date"), null, "is missing: a usage row needs a date")] }
            : change);
    }

    /// <summary>An opportunity, contact or usage row with any problem is kept aside: half a child would change its account's evaluation.</summary>
    private static CrmChange<T> Child<T>(CrmChange<T> change)
        where T : class => change.Problems.Count > 0 ? change with { KeptAside = true } : change;

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

    /// <summary>Field name of a problem about the record as a whole (an exception while mapping it).</summary>
    public const string WholeRecord = "(record)";

    private CrmChange<T> Map<T>(RawRecord raw, IReadOnlyDictionary<string, string> map, Func<RawRecord, RawFields, T?> build)
        where T : class
    {
        if (raw.Deleted)
        {
            return new CrmChange<T>(raw.Id, raw.ModifiedAt, null, true, [], raw.LastModifiedBy);
        }

        var problems = new List<FieldProblem>();
        try
        {
            var record = build(raw, new RawFields(raw, map, Mapping, format, problems));
            return new CrmChange<T>(raw.Id, raw.ModifiedAt, record, false, problems, raw.LastModifiedBy);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One record the mapping cannot handle is that record's problem: it is kept aside, the read goes on.
            problems.Add(new FieldProblem(raw.Id, WholeRecord, null, $"could not be mapped: {ex.Message}"));
            return new CrmChange<T>(raw.Id, raw.ModifiedAt, null, false, problems, raw.LastModifiedBy) { KeptAside = true };
        }
    }
}
