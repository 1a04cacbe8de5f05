using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Crm.Schema;

/// <summary>How the worker uses a field: what the schema check asks of it.</summary>
public enum FieldAccess
{
    /// <summary>An input the worker reads: it must exist with a compatible type.</summary>
    Read,

    /// <summary>A field the worker writes: it must also be updateable and, for a picklist, hold every value the rules write.</summary>
    Written,

    /// <summary>A number the CRM computes (formula / calculated property): provisioned, never written.</summary>
    Calculated,
}

/// <summary>
/// One field the mapping in effect (defaults, configuration, configured rules) expects in the org: where it lives, which
/// canonical key it serves, its type, how the worker uses it, and for picklists the CRM values it must hold.
/// </summary>
/// <param name="Kind">The canonical object.</param>
/// <param name="ObjectName">The CRM object (<c>Account</c>, <c>CS_Usage__c</c>, <c>companies</c> …).</param>
/// <param name="Field">The CRM field's API / internal name.</param>
/// <param name="Key">The canonical key (rules.md §1 inputs, <see cref="ManagedField"/> keys, calculated keys).</param>
/// <param name="Type">The type the worker needs.</param>
/// <param name="Access">Read, written or calculated.</param>
public sealed record ExpectedField(CrmObject Kind, string ObjectName, string Field, string Key, CrmFieldType Type, FieldAccess Access)
{
    /// <summary>Picklist options: <see cref="PicklistOption.Value"/> is the CRM value, <see cref="PicklistOption.Label"/> the canonical label.</summary>
    public IReadOnlyList<PicklistOption> Values { get; init; } = [];

    /// <summary>Canonical values the rules write that the mapping cannot translate (the write would be refused as invalid).</summary>
    public IReadOnlyList<string> UnmappedValues { get; init; } = [];

    /// <summary>The mapping's picklist list (<c>stage</c>, <c>stateValue</c> …) the values come from; null for other fields.</summary>
    public string? PicklistName { get; init; }

    /// <summary>For a computed field, what it computes (the provisioned formula is built from it).</summary>
    public FieldCalculation? Calculation { get; init; }

    /// <summary>For a lookup, the object it points to (<c>Account</c>, <c>Contact</c>, <c>User</c>).</summary>
    public string? ReferenceTo { get; init; }

    /// <summary>A human label for a provisioned field, e.g. <c>Customer Lifecycle Stage</c>.</summary>
    public string Label { get; init; } = "";

    /// <summary>The spec section that drives the field, e.g. <c>rules.md §4</c>.</summary>
    public string Source { get; init; } = "";

    /// <summary>True for the org's own fields (Salesforce <c>__c</c>, HubSpot non-<c>hs_</c> custom properties): provisioning creates them.</summary>
    public bool Custom { get; init; }

    /// <summary>True when the object itself is custom (<c>CS_Usage__c</c>).</summary>
    public bool CustomObject { get; init; }
}

/// <summary>What a computed field computes.</summary>
public abstract record FieldCalculation;

/// <summary>Days since the current stage's entry date: today − the entry date field of the stage the stage field holds.</summary>
/// <param name="StageField">The stage picklist.</param>
/// <param name="Stages">Each stage's CRM value with its entry date field.</param>
public sealed record DaysInStageCalculation(string StageField, IReadOnlyList<StageEntryField> Stages) : FieldCalculation;

/// <summary>One stage value and the field holding its entry date.</summary>
public sealed record StageEntryField(string StageValue, string EntryDateField);

/// <summary>Days from one date field to another (<c>To − From</c>), empty while either is empty.</summary>
public sealed record DaysBetweenCalculation(string FromField, string ToField) : FieldCalculation;
