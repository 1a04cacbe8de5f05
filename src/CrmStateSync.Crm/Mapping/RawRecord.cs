namespace CrmStateSync.Crm.Mapping;

/// <summary>
/// A record as a connector read it, before mapping: CRM field name → value as text (HubSpot sends every property as
/// a string; the Salesforce connector renders JSON values invariantly: <c>true</c>, <c>12.5</c>, dates as sent).
/// A connector adds <c>accountId</c> itself when the link is an association rather than a field.
/// </summary>
public sealed record RawRecord(string Id, DateTimeOffset ModifiedAt, bool Deleted, IReadOnlyDictionary<string, string?> Fields, string? LastModifiedBy = null);
