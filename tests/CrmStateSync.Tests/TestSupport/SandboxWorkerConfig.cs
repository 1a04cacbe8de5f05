using System.Text.Json;
using CrmStateSync.Sandbox;

namespace CrmStateSync.Tests.TestSupport;

/// <summary>An appsettings file for a worker whose org is the sandbox's Salesforce subset.</summary>
internal static class SandboxWorkerConfig
{
    /// <param name="folder">Where the file goes (appsettings.json).</param>
    /// <param name="sandbox">The started sandbox.</param>
    /// <param name="worker">The <c>Worker</c> section (provider, org, paths, schedule …).</param>
    public static string Write(TempFolder folder, SandboxServer sandbox, object worker) =>
        folder.Write("appsettings.json", JsonSerializer.Serialize(new
        {
            Worker = worker,
            Crm = new { Salesforce = new { LoginUrl = sandbox.Url.ToString(), ClientId = sandbox.Options.SalesforceClientId, ClientSecret = sandbox.Options.SalesforceClientSecret } },
        }));
}
