namespace CrmStateSync.Crm.Mapping;

/// <summary>
/// Canonical field ↔ CRM field, per object, from configuration (<c>Crm:{Provider}:Mapping</c>); defaults from
/// crm-schema.md (<see cref="DefaultMappings"/>). Keys are canonical names (rules.md §1 for inputs,
/// <see cref="Contract.ManagedField"/> for the worker's fields); values are CRM API/property names.
/// </summary>
public sealed class FieldMappingOptions
{
    /// <summary>The CRM object names: <c>Account</c> → <c>Account</c> / <c>companies</c>, <c>Usage</c> → <c>CS_Usage__c</c> …</summary>
    public Dictionary<string, string> Objects { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Account { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Opportunity { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Contact { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Usage { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Named usage metrics: canonical metric name → CRM field (e.g. <c>projects_created</c> → <c>CS_Projects_Created__c</c>).</summary>
    public Dictionary<string, string> UsageMetrics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Account fields the CRM computes and the worker never writes (crm-schema.md: provisioned formulas / calculated
    /// properties): canonical key (<c>daysInCurrentStage</c>, <c>timeToValueDays</c>) → CRM field. The schema check
    /// expects them to exist as calculated numbers; provisioning creates them.
    /// </summary>
    public Dictionary<string, string> Calculated { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Picklist translations: list name → canonical value → CRM value. Lists: <c>stage</c> (stage label → CRM value),
    /// <c>stateValue</c>, <c>integrationStatus</c>, <c>stakeholderRole</c>, <c>opportunityType</c>.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Picklists { get; set; } = new(StringComparer.Ordinal);
}
