using CrmStateSync.Crm.Mapping;

namespace CrmStateSync.Crm.Tests;

/// <summary>Object mother: raw CRM records and mappers with the default mapping, so a test shows only what matters to it.</summary>
internal static class Some
{
    public static readonly DateTimeOffset ModifiedAt = new(2026, 5, 20, 20, 49, 32, TimeSpan.Zero);

    /// <summary>A raw record as a connector read it: field name → text.</summary>
    public static RawRecord Raw(string id, params (string Field, string? Value)[] fields) =>
        new(id, ModifiedAt, false, fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal));

    public static RawRecord Deleted(string id) => new(id, ModifiedAt, true, new Dictionary<string, string?>(), "user-9");

    public static CanonicalMapper SalesforceMapper() => new(DefaultMappings.Salesforce(), SalesforceValueFormat.Instance);

    public static CanonicalMapper HubSpotMapper() => new(DefaultMappings.HubSpot(), HubSpotValueFormat.Instance);

    public static WriteMapper SalesforceWriter() => new(DefaultMappings.Salesforce(), SalesforceValueFormat.Instance);

    public static WriteMapper HubSpotWriter() => new(DefaultMappings.HubSpot(), HubSpotValueFormat.Instance);
}
