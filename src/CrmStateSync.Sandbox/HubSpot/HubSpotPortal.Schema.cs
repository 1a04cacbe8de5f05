namespace CrmStateSync.Sandbox.HubSpot;

/// <summary>Schema gaps, so tests and newcomers can see <c>schema check</c> fail and <c>schema provision</c> fix it.</summary>
public sealed partial class HubSpotPortal
{
    /// <summary>The portal no longer has <paramref name="property"/> on <paramref name="type"/> (<c>companies</c> …).</summary>
    public void RemoveProperty(string type, string property) => Require(Properties.Schema.Change(type, property, _ => null), type, property);

    /// <summary><paramref name="property"/> becomes of HubSpot type <paramref name="hubSpotType"/> (<c>string</c>, <c>datetime</c> …).</summary>
    public void ChangePropertyType(string type, string property, string hubSpotType)
    {
        var held = HubSpotProperties.Held(hubSpotType) ?? throw new ArgumentException($"'{hubSpotType}' is not a HubSpot property type", nameof(hubSpotType));
        Require(Properties.Schema.Change(type, property, f => f with { Type = held, PicklistValues = held == "picklist" ? f.PicklistValues : [], RestrictedPicklist = false }), type, property);
    }

    /// <summary>The enumeration <paramref name="property"/> loses the option <paramref name="value"/>.</summary>
    public void RemoveOption(string type, string property, string value) =>
        Require(Properties.Schema.Change(type, property, f => f with { PicklistValues = [.. f.PicklistValues.Where(v => v != value)] }), type, property);

    /// <summary>Every custom (<c>cs_</c>) property of the mapped objects removed: a portal before provisioning.</summary>
    public void RemoveCustomProperties()
    {
        foreach (var type in Mapping.Objects.Values)
        {
            foreach (var name in Properties.Schema.Fields(type)?.Keys.Where(IsCustom).ToList() ?? [])
            {
                Properties.Schema.Change(type, name, _ => null);
            }
        }
    }

    private static bool IsCustom(string name) => name.StartsWith("cs_", StringComparison.Ordinal);

    private static void Require(bool changed, string type, string property)
    {
        if (!changed)
        {
            throw new ArgumentException($"The sandbox portal has no property {type}.{property}", nameof(property));
        }
    }
}
