using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot.Api;
using CrmStateSync.Crm.HubSpot.Http;
using CrmStateSync.Crm.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace CrmStateSync.Crm.HubSpot;

public static class HubSpotServiceCollectionExtensions
{
    /// <summary>
    /// Registers the HubSpot connector: options validated when first resolved (every problem listed), the Refit client
    /// behind the shared CRM pipeline (logging, resilience), then the client-side rate limiter and the bearer-token handler, <see cref="ICrmConnector"/> and
    /// <see cref="ISchemaProvisioner"/>.
    /// </summary>
    public static IServiceCollection AddHubSpotConnector(this IServiceCollection services, Action<HubSpotOptions> configure, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<HubSpotOptions>().Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HubSpotOptions>, HubSpotOptionsValidator>());
        // The connector's clock (window ends, UTC days) is not registered as TimeProvider: the resilience pipeline keeps real time.
        var now = clock ?? TimeProvider.System;
        services.TryAddSingleton(sp => new HubSpotRateLimiter(sp.GetRequiredService<IOptions<HubSpotOptions>>(), now));
        services.AddTransient<HubSpotAuthHandler>();
        services.AddTransient<HubSpotRateLimitHandler>();
        var refit = new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(HubSpotErrors.Json) };
        services.AddRefitGeneratedClient<IHubSpotApi>(refit)
            .ConfigureHttpClient((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<HubSpotOptions>>().Value.BaseUrl)
            .AddCrmPipeline("hubspot", sp => sp.GetRequiredService<IOptions<HubSpotOptions>>().Value.Resilience, delayRule: HubSpotRetryDelays.Instance)
            .AddHttpMessageHandler<HubSpotRateLimitHandler>()
            .AddHttpMessageHandler<HubSpotAuthHandler>();
        services.AddSingleton<ICrmConnector>(sp => new HubSpotConnector(
            sp.GetRequiredService<IHubSpotApi>(), sp.GetRequiredService<IOptions<HubSpotOptions>>(), sp.GetRequiredService<HubSpotRateLimiter>(), sp.GetRequiredService<CallCounter>(), now));
        // The same connector (its limiter, its call count) provisions the portal.
        services.AddSingleton(sp => (ISchemaProvisioner)sp.GetRequiredService<ICrmConnector>());
        return services;
    }
}

/// <summary>Fails the first resolution of the options with every problem of <c>Crm:HubSpot</c>, and registers the token with the redactor.</summary>
internal sealed class HubSpotOptionsValidator : IValidateOptions<HubSpotOptions>
{
    public ValidateOptionsResult Validate(string? name, HubSpotOptions options)
    {
        Redactor.RegisterSecret(options.AccessToken);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
