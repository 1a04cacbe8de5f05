namespace CrmStateSync.Crm.Catalogue;

/// <summary>What one canonical input field holds, and so how a source reads it and a writer renders it.</summary>
public enum CanonicalFieldKind
{
    /// <summary>Free text (<see cref="ICanonicalFieldSource.Text"/>).</summary>
    Text,

    /// <summary>A reference to another record (<see cref="ICanonicalFieldSource.Id"/>); <see cref="CanonicalField{TModel}.References"/> says to what.</summary>
    Id,

    /// <summary>Text that must be one of a configured picklist's values, kept as read (<see cref="ICanonicalFieldSource.Known"/>).</summary>
    Known,

    /// <summary>A calendar date (<see cref="ICanonicalFieldSource.CalendarDate"/>, or <see cref="ICanonicalFieldSource.RequiredDate"/> when <see cref="CanonicalField{TModel}.Required"/>).</summary>
    Date,

    /// <summary>True or false (<see cref="ICanonicalFieldSource.Bool"/>).</summary>
    Bool,

    /// <summary>A whole number ≥ 0 (<see cref="ICanonicalFieldSource.Count"/>).</summary>
    Count,

    /// <summary>A picklist value translated to a canonical enum member (<see cref="ICanonicalFieldSource.Picklist{T}"/>).</summary>
    Enum,

    /// <summary>Named numbers (<see cref="ICanonicalFieldSource.Metrics"/>); a CRM holds each in a field of its own.</summary>
    Metrics,
}

/// <summary>What an <see cref="CanonicalFieldKind.Id"/> field refers to.</summary>
public enum CanonicalReference
{
    /// <summary>A CRM user (an account owner).</summary>
    User,

    /// <summary>A contact of the account (a goal owner).</summary>
    Contact,
}

/// <summary>
/// One canonical input field of <typeparamref name="TModel"/>: its key (rules.md §1, camelCase), its kind, its
/// picklist, and its value taken from the model (typed: string, bool, DateOnly, int, the enum, the metrics; null when
/// absent) for writing it somewhere else.
/// </summary>
public sealed class CanonicalField<TModel>
{
    internal CanonicalField(string key, CanonicalFieldKind kind, Func<TModel, object?> value, string? picklist = null, CanonicalReference? references = null, bool required = false)
    {
        Key = key;
        Kind = kind;
        Value = value;
        Picklist = picklist;
        References = references;
        Required = required;
    }

    public string Key { get; }

    public CanonicalFieldKind Kind { get; }

    /// <summary>The picklist (<c>FieldMappingOptions.Picklists</c> name) of an <see cref="CanonicalFieldKind.Enum"/> or <see cref="CanonicalFieldKind.Known"/> field.</summary>
    public string? Picklist { get; }

    /// <summary>What an <see cref="CanonicalFieldKind.Id"/> field refers to.</summary>
    public CanonicalReference? References { get; }

    /// <summary>The record cannot be placed without it (a usage row's date).</summary>
    public bool Required { get; }

    /// <summary>The field's value in a model, typed (an int for a count, the enum member for an enum).</summary>
    public Func<TModel, object?> Value { get; }

    public override string ToString() => Key;
}
