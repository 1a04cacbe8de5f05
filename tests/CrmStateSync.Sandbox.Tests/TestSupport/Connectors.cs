using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Http;
using CrmStateSync.Crm.HubSpot;
using CrmStateSync.Crm.Salesforce;
using Microsoft.Extensions.DependencyInjection;

namespace CrmStateSync.Sandbox.Tests.TestSupport;

/// <summary>The real connectors, composed as the worker composes them, pointed at a sandbox.</summary>
internal static class Connectors
{
    public static (ICrmConnector Connector, ServiceProvider Provider) Salesforce(SandboxServer sandbox, Action<SalesforceOptions>? configure = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSalesforceConnector(o =>
        {
            o.LoginUrl = sandbox.Url;
            o.ClientId = sandbox.Options.SalesforceClientId;
            o.ClientSecret = sandbox.Options.SalesforceClientSecret;
            o.Resilience = Fast();
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return (provider.GetRequiredService<ICrmConnector>(), provider);
    }

    public static (ICrmConnector Connector, ServiceProvider Provider) HubSpot(SandboxServer sandbox)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHubSpotConnector(o =>
        {
            o.BaseUrl = sandbox.Url;
            o.AccessToken = sandbox.Options.HubSpotToken;
            o.RequestsPer10Seconds = sandbox.Options.HubSpotTenSecondLimit;
            o.Resilience = Fast();
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return (provider.GetRequiredService<ICrmConnector>(), provider);
    }

    public static CrmResilienceOptions Fast() => new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetries = 2,
        AttemptTimeout = TimeSpan.FromSeconds(20),
        TotalTimeout = TimeSpan.FromSeconds(60),
        BreakerSamplingDuration = TimeSpan.FromSeconds(60),
        BreakerBreakDuration = TimeSpan.FromSeconds(5),
    };

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
