using System.Text.Json;
using System.Text.Json.Nodes;
using CrmStateSync.Sandbox;

namespace CrmStateSync.Demo;

/// <summary>
/// The appsettings file that points the worker at a running sandbox, so every operator command (schema check, sync,
/// backfill, run, conflicts, report) can be tried without an org. The credentials in it are the sandbox's fixed
/// placeholders, not secrets.
/// </summary>
internal static class SandboxConfigFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(string crm, SandboxServer sandbox, string databasePath)
    {
        var url = sandbox.Url.ToString().TrimEnd('/');
        var crmSection = crm == "hubspot"
            ? new JsonObject
            {
                ["HubSpot"] = new JsonObject
                {
                    ["BaseUrl"] = url,
                    ["AccessToken"] = sandbox.Options.HubSpotToken,
                    ["RequestsPer10Seconds"] = sandbox.Options.HubSpotTenSecondLimit,
                },
            }
            : new JsonObject
            {
                ["Salesforce"] = new JsonObject
                {
                    ["LoginUrl"] = url,
                    ["ClientId"] = sandbox.Options.SalesforceClientId,
                    ["ClientSecret"] = sandbox.Options.SalesforceClientSecret,
                },
            };
        var root = new JsonObject
        {
            ["Worker"] = new JsonObject
            {
                ["Provider"] = crm,
                ["OrgId"] = "sandbox-" + crm,
                ["DatabasePath"] = databasePath,
                ["Interval"] = "00:01:00",
                ["HeartbeatPath"] = Path.Combine(Path.GetDirectoryName(databasePath) ?? ".", $"heartbeat-{crm}"),
            },
            ["Crm"] = crmSection,
        };
        return root.ToJsonString(Indented);
    }
}
