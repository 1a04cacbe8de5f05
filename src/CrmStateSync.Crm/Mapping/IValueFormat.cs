namespace CrmStateSync.Crm.Mapping;

/// <summary>How one CRM writes dates, datetimes, booleans and numbers as text, both ways.</summary>
public interface IValueFormat
{
    bool TryParseDate(string text, out DateOnly value);

    bool TryParseDateTime(string text, out DateTimeOffset instant);

    bool TryParseBool(string text, out bool value);

    bool TryParseNumber(string text, out double value);

    /// <summary>
    /// True when <paramref name="text"/> has the shape of a record id of this CRM (Salesforce: 15 or 18 letters and
    /// digits; HubSpot: digits). A reference that is not an id cannot point at any record.
    /// </summary>
    bool IsId(string text);

    /// <summary>A date as the CRM accepts it on write (both CRMs: <c>YYYY-MM-DD</c>; HubSpot reads it as midnight UTC).</summary>
    string FormatDate(DateOnly value);
}
