namespace CrmStateSync.Crm.HubSpot;

/// <summary>Every API path, from the prefixes in <see cref="HubSpotOptions"/> (relative, for Refit's round-tripped segments).</summary>
internal sealed class HubSpotPaths(HubSpotOptions options)
{
    /// <summary><c>crm/v3/objects/{type}</c>, or the date-versioned equivalent.</summary>
    public string Objects(string type) => Join(options.ApiPathPrefix, type);

    /// <summary><c>crm/v4/associations/{from}/{to}</c>.</summary>
    public string Associations(string from, string to) => Join(options.AssociationsPrefix, from + "/" + to);

    /// <summary><c>crm/v3/properties/{type}</c>.</summary>
    public string Properties(string type) => Join(options.PropertiesPrefix, type);

    /// <summary><c>crm/v3/properties/{type}/groups</c>.</summary>
    public string PropertyGroups(string type) => Join(options.PropertiesPrefix, type + "/groups");

    /// <summary><c>crm/v3/properties/{type}/{name}</c>.</summary>
    public string Property(string type, string name) => Join(options.PropertiesPrefix, type + "/" + name);

    private static string Join(string prefix, string rest) => prefix.Trim('/') + "/" + rest;
}
