using CrmStateSync.Crm.Catalogue;
using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Sandbox.Seed;

/// <summary>
/// The reverse of the connectors' canonical mapping: a canonical record as CRM fields through a
/// <see cref="FieldMappingOptions"/> (picklist values through its picklists); the input fields are the
/// <see cref="FieldCatalogue"/>'s, the worker's own fields are added from <see cref="ManagedValues"/>. Values stay typed (string, bool, double,
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
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in FieldCatalogue.Account)
        {
            var value = field.Value(a);
            values[field.Key] = field.References switch
            {
                CanonicalReference.User => ownerId((string?)value),
                CanonicalReference.Contact => contactId((string?)value),
                _ => Typed(field.Kind, field.Picklist, value),
            };
        }

        AddManaged(values, a.Managed);
        return Fields(Mapping.Account, values);
    }

    public Dictionary<string, object?> Opportunity(Opportunity o, string accountId)
    {
        ArgumentNullException.ThrowIfNull(o);
        return Fields(Mapping.Opportunity, Values(FieldCatalogue.Opportunity, o, accountId));
    }

    public Dictionary<string, object?> Contact(Contact c, string accountId)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Fields(Mapping.Contact, Values(FieldCatalogue.Contact, c, accountId));
    }

    /// <summary>A usage row; its metrics go each to its own field (<see cref="FieldMappingOptions.UsageMetrics"/>), null where the row has none.</summary>
    public Dictionary<string, object?> Usage(UsageRow u, string accountId)
    {
        ArgumentNullException.ThrowIfNull(u);
        var fields = Fields(Mapping.Usage, Values(FieldCatalogue.Usage, u, accountId));
        foreach (var (metric, field) in Mapping.UsageMetrics)
        {
            fields[field] = u.Metrics.TryGetValue(metric, out var value) ? value : null;
        }

        return fields;
    }

    /// <summary>A child's catalogue fields by canonical key, after its <c>accountId</c> link.</summary>
    private Dictionary<string, object?> Values<T>(IReadOnlyList<CanonicalField<T>> catalogue, T model, string accountId)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal) { ["accountId"] = accountId };
        foreach (var field in catalogue)
        {
            if (field.Kind != CanonicalFieldKind.Metrics)
            {
                values[field.Key] = Typed(field.Kind, field.Picklist, field.Value(model));
            }
        }

        return values;
    }

    /// <summary>A model value as the sandbox stores it: counts as numbers (double), picklist members as the CRM's values, the rest as is.</summary>
    private object? Typed(CanonicalFieldKind kind, string? picklist, object? value) => kind switch
    {
        CanonicalFieldKind.Count => (double)(int)value!,
        CanonicalFieldKind.Enum => Pick(picklist!, value?.ToString()),
        _ => value,
    };

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
