using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Sandbox.Seed;

/// <summary>
/// The reverse of the connectors' canonical mapping: a canonical record as CRM fields through a
/// <see cref="FieldMappingOptions"/> (picklist values through its picklists). Values stay typed (string, bool, double,
/// DateOnly); each API renders them. Canonical keys the mapping does not name are left out; nulls are kept.
/// </summary>
public sealed class CanonicalFields(FieldMappingOptions mapping)
{
    public FieldMappingOptions Mapping { get; } = mapping;

    public Dictionary<string, object?> Account(AccountSnapshot a, Func<string?, string?> contactId, Func<string?, string?> ownerId)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(contactId);
        ArgumentNullException.ThrowIfNull(ownerId);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = a.Name, ["segment"] = a.Segment, ["ownerId"] = ownerId(a.OwnerId), ["goalOwnerId"] = contactId(a.GoalOwnerId),
            ["primaryGoal"] = a.PrimaryGoal, ["goalReviewedOn"] = a.GoalReviewedOn, ["goalChangedOn"] = a.GoalChangedOn,
            ["leadershipChangeOn"] = a.LeadershipChangeOn, ["kickoffOn"] = a.KickoffOn, ["onboardingCompleteOn"] = a.OnboardingCompleteOn,
            ["workflowsLive"] = a.WorkflowsLive, ["configVerifiedOn"] = a.ConfigVerifiedOn, ["workflowGapOn"] = a.WorkflowGapOn,
            ["integrationStatus"] = Pick("integrationStatus", a.IntegrationStatus?.ToString()), ["integrationChangedOn"] = a.IntegrationChangedOn,
            ["inNewHireOnboarding"] = a.InNewHireOnboarding, ["lastOutcome"] = a.LastOutcome, ["lastOutcomeOn"] = a.LastOutcomeOn,
            ["atRiskReason"] = a.AtRiskReason, [ManagedField.OverrideReason] = a.OverrideReason,
        };
        AddManaged(values, a.Managed);
        return Fields(Mapping.Account, values);
    }

    public Dictionary<string, object?> Opportunity(Opportunity o, string accountId)
    {
        ArgumentNullException.ThrowIfNull(o);
        return Fields(Mapping.Opportunity, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["accountId"] = accountId, ["isClosed"] = o.IsClosed, ["isWon"] = o.IsWon, ["closeDate"] = o.CloseDate,
            ["type"] = Pick("opportunityType", o.Type?.ToString()), ["contractStart"] = o.ContractStart, ["contractEnd"] = o.ContractEnd,
        });
    }

    public Dictionary<string, object?> Contact(Contact c, string accountId)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Fields(Mapping.Contact, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["accountId"] = accountId, ["function"] = c.Function, ["role"] = Pick("stakeholderRole", c.Role?.ToString()),
            ["lastActiveOn"] = c.LastActiveOn, ["lastEngagedOn"] = c.LastEngagedOn, ["departedOn"] = c.DepartedOn,
        });
    }

    public Dictionary<string, object?> Usage(UsageRow u, string accountId)
    {
        ArgumentNullException.ThrowIfNull(u);
        var fields = Fields(Mapping.Usage, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["accountId"] = accountId, ["date"] = u.Date, ["activeUsers"] = (double)u.ActiveUsers,
            ["valueActions"] = (double)u.ValueActions, ["coreEvents"] = (double)u.CoreEvents,
        });
        foreach (var (metric, field) in Mapping.UsageMetrics)
        {
            fields[field] = u.Metrics.TryGetValue(metric, out var value) ? value : null;
        }

        return fields;
    }

    private void AddManaged(Dictionary<string, object?> values, ManagedValues managed)
    {
        values[ManagedField.Stage] = Pick("stage", managed.Stage);
        values[ManagedField.MilestoneStalled] = managed.MilestoneStalled;
        values[ManagedField.MilestoneStalledSince] = managed.MilestoneStalledSince;
        foreach (var (stage, on) in managed.StageEntryDates)
        {
            values[ManagedField.StageEntryDate(stage)] = on;
        }

        foreach (var state in CsStates.All)
        {
            if (managed.States.Get(state) is { } reading)
            {
                values[ManagedField.State(state)] = Pick("stateValue", reading.Value.ToString());
                values[ManagedField.StateVerified(state)] = reading.VerifiedOn;
            }
        }

        foreach (var (key, on) in managed.Milestones)
        {
            values[ManagedField.Milestone(key)] = on;
        }
    }

    private string? Pick(string picklist, string? canonical) =>
        canonical is null ? null
        : Mapping.Picklists.TryGetValue(picklist, out var values) && values.TryGetValue(canonical, out var crm) ? crm : canonical;

    private static Dictionary<string, object?> Fields(Dictionary<string, string> map, Dictionary<string, object?> values)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (map.TryGetValue(key, out var field))
            {
                fields[field] = value;
            }
        }

        return fields;
    }
}
