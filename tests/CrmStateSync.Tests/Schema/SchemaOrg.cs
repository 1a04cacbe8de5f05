using System.Text.Json;
using CrmStateSync.Sandbox;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Schema;

/// <summary>A started sandbox and an appsettings file pointing the worker at one of its CRMs.</summary>
internal sealed class SchemaOrg : IAsyncDisposable
{
    private SchemaOrg(SandboxServer sandbox, string crm)
    {
        (Sandbox, Crm) = (sandbox, crm);
    }

    public SandboxServer Sandbox { get; }

    public string Crm { get; }

    public TempFolder Folder { get; } = new();

    public static async Task<SchemaOrg> StartAsync(string crm)
    {
        var sandbox = new SandboxServer();
        await sandbox.StartAsync();
        return new SchemaOrg(sandbox, crm);
    }

    /// <summary>The configuration file (extra sections, e.g. <c>Rules</c>, merged in).</summary>
    public string Config(Dictionary<string, object?>? extra = null)
    {
        var settings = new Dictionary<string, object?>
        {
            ["Worker"] = new { Provider = Crm, OrgId = "org-schema", DatabasePath = Path.Combine(Folder.Path, "state.db") },
            ["Crm"] = Crm == "hubspot"
                ? new { HubSpot = (object)new { BaseUrl = Sandbox.Url.ToString(), AccessToken = Sandbox.Options.HubSpotToken } }
                : new { Salesforce = (object)new { LoginUrl = Sandbox.Url.ToString(), ClientId = Sandbox.Options.SalesforceClientId, ClientSecret = Sandbox.Options.SalesforceClientSecret } },
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return Folder.Write("appsettings.json", JsonSerializer.Serialize(settings));
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        Folder.Dispose();
    }
}
