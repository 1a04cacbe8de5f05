using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot;
using CrmStateSync.Crm.Salesforce;
using CrmStateSync.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Demo;

/// <summary>The real connectors, composed exactly as for an org, pointed at the loopback sandbox.</summary>
internal static class DemoConnectors
{
    /// <param name="crm"><c>salesforce</c> or <c>hubspot</c>.</param>
    /// <param name="sandbox">The started sandbox.</param>
    /// <param name="logging">Where the connector logs.</param>
    /// <param name="configure">Extra registrations (tests add a request counter).</param>
    public static ServiceProvider Compose(string crm, SandboxServer sandbox, ILoggerFactory logging, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(logging);
        services.AddLogging();
        configure?.Invoke(services);
        if (crm == "hubspot")
        {
            services.AddHubSpotConnector(o =>
            {
                o.BaseUrl = sandbox.Url;
                o.AccessToken = sandbox.Options.HubSpotToken;
                o.RequestsPer10Seconds = sandbox.Options.HubSpotTenSecondLimit;
            });
        }
        else
        {
            services.AddSalesforceConnector(o =>
            {
                o.LoginUrl = sandbox.Url;
                o.ClientId = sandbox.Options.SalesforceClientId;
                o.ClientSecret = sandbox.Options.SalesforceClientSecret;
            });
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public static ICrmConnector Connector(this ServiceProvider provider) => provider.GetRequiredService<ICrmConnector>();
}
