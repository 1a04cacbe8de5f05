using System.Globalization;
using CrmStateSync.Sandbox;
using Microsoft.Extensions.Configuration;

namespace CrmStateSync.Demo;

/// <summary>
/// The configuration keys that point the worker at a running sandbox — the same keys an org's appsettings sets — so the
/// demo, the sandbox's config file and the end-to-end tests compose the worker as <c>run</c> does. The credentials are
/// the sandbox's fixed placeholders, not secrets.
/// </summary>
internal static class SandboxSettings
{
    /// <summary>Flat keys (<c>Worker:Provider</c>, <c>Crm:Salesforce:LoginUrl</c> …) for <paramref name="crm"/>.</summary>
    public static Dictionary<string, string?> For(string crm, SandboxServer sandbox, string databasePath, string orgId)
    {
        var url = sandbox.Url.ToString().TrimEnd('/');
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Worker:Provider"] = crm,
            ["Worker:OrgId"] = orgId,
            ["Worker:DatabasePath"] = databasePath,
        };
        if (crm == "hubspot")
        {
            settings["Crm:HubSpot:BaseUrl"] = url;
            settings["Crm:HubSpot:AccessToken"] = sandbox.Options.HubSpotToken;
            settings["Crm:HubSpot:RequestsPer10Seconds"] = sandbox.Options.HubSpotTenSecondLimit.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            settings["Crm:Salesforce:LoginUrl"] = url;
            settings["Crm:Salesforce:ClientId"] = sandbox.Options.SalesforceClientId;
            settings["Crm:Salesforce:ClientSecret"] = sandbox.Options.SalesforceClientSecret;
        }

        return settings;
    }

    /// <summary>The configuration of <see cref="For"/>, with <paramref name="more"/> keys over it.</summary>
    public static IConfigurationRoot Configuration(string crm, SandboxServer sandbox, string databasePath, string orgId, IEnumerable<KeyValuePair<string, string?>>? more = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(For(crm, sandbox, databasePath, orgId)).AddInMemoryCollection(more ?? []).Build();
}
