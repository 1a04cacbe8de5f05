namespace CrmStateSync.Crm.Catalogue;

/// <summary>
/// Typed reads of one record's canonical input fields by canonical key (rules.md §1, camelCase), whatever holds them:
/// a raw CRM record through the field mapping, or one object of a snapshot file. <see cref="FieldCatalogue"/> reads
/// every input field through it. A value that does not convert is the source's problem to report (with a CRM field
/// name or a JSON path) and reads as null (0 for a count); nothing throws for bad input.
/// </summary>
public interface ICanonicalFieldSource
{
    /// <summary>Free text.</summary>
    string? Text(string key);

    /// <summary>An optional reference to another record (an owner, a goal owner).</summary>
    string? Id(string key);

    /// <summary>A text value that must be one of <paramref name="picklist"/>'s values where that list is known; kept as read.</summary>
    string? Known(string key, string picklist);

    /// <summary>A calendar date (named so as not to be the keyword <c>Date</c> of other .NET languages).</summary>
    DateOnly? CalendarDate(string key);

    /// <summary>
    /// The date a record cannot be placed without (a usage row's): null leaves the record out. A source that reports
    /// every problem of a record at once may report the absence itself and return a placeholder, so the rest is read.
    /// </summary>
    DateOnly? RequiredDate(string key);

    bool? Bool(string key);

    /// <summary>A whole number ≥ 0; 0 when absent or not one.</summary>
    int Count(string key);

    /// <summary>A picklist value as its canonical enum member (through <paramref name="picklist"/> where the source translates).</summary>
    T? Picklist<T>(string key, string picklist)
        where T : struct, System.Enum;

    /// <summary>Named numbers ≥ 0 (a usage row's metrics); empty when there are none.</summary>
    IReadOnlyDictionary<string, double> Metrics(string key);
}
