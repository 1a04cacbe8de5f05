using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Http;
using CrmStateSync.Crm.Salesforce.Api;
using CrmStateSync.Crm.Salesforce.Auth;
using CrmStateSync.Crm.Salesforce.Reading;
using CrmStateSync.Crm.Salesforce.Writing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Refit;

namespace CrmStateSync.Crm.Salesforce;

/// <summary>Composition of the Salesforce connector.</summary>
public static class SalesforceServiceCollectionExtensions
{
    /// <summary>The placeholder base address; the auth handler replaces it with the token's <c>instance_url</c>.</summary>
    internal static readonly Uri PlaceholderBase = new("https://instance.salesforce.invalid");

    /// <summary>Registers <see cref="ICrmConnector"/> for Salesforce with options bound from <paramref name="section"/> (<c>Crm:Salesforce</c>).</summary>
    public static IServiceCollection AddSalesforceConnector(this IServiceCollection services, IConfiguration section, TimeProvider? clock = null) =>
        services.AddSalesforceConnector(options => section.Bind(options), clock);

    /// <summary>
    /// Registers <see cref="ICrmConnector"/> for Salesforce; the options are validated (every problem listed) when first
    /// resolved. The worker lists the same problems before it builds the connector, with the rest of its configuration's.
    /// </summary>
    public static IServiceCollection AddSalesforceConnector(this IServiceCollection services, Action<SalesforceOptions> configure, TimeProvider? clock = null)
    {
        services.AddOptions<SalesforceOptions>().Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SalesforceOptions>, SalesforceOptionsValidator>());
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(NullLogger<>)));
        services.TryAddSingleton(clock ?? TimeProvider.System);
        services.AddSingleton(sp => Registered(sp.GetRequiredService<IOptions<SalesforceOptions>>().Value));
        services.AddSingleton<SalesforceUsage>();
        services.AddHttpClient(SalesforceTokenProvider.ClientName)
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(() => new SalesforceCallKindHandler())
            .AddCrmPipeline("salesforce-auth", Resilience, clock);
        services.AddSingleton(sp => new SalesforceTokenProvider(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(SalesforceTokenProvider.ClientName),
            sp.GetRequiredService<SalesforceOptions>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddTransient<SalesforceLimitHandler>();
        services.AddTransient<SalesforceAuthHandler>();
        services.AddRefitGeneratedClient<ISalesforceApi>(new RefitSettings(new SystemTextJsonContentSerializer(SalesforceJson.Options)))
            .ConfigureHttpClient(c => (c.BaseAddress, c.Timeout) = (PlaceholderBase, Timeout.InfiniteTimeSpan))
            .AddHttpMessageHandler<SalesforceLimitHandler>()
            .AddHttpMessageHandler<SalesforceAuthHandler>()
            .AddHttpMessageHandler(() => new SalesforceCallKindHandler())
            .AddCrmPipeline("salesforce", Resilience, clock);
        services.AddTransient<QueryReader>();
        services.AddTransient<BulkQueryJobs>();
        services.AddTransient<BulkQueryReader>();
        services.AddTransient<WriteBudget>();
        services.AddTransient<CompositeWriter>();
        services.AddTransient<TaskCreator>();
        services.AddTransient<ICrmConnector, SalesforceConnector>();
        return services;
    }

    private static CrmResilienceOptions Resilience(IServiceProvider services) => services.GetRequiredService<SalesforceOptions>().Resilience;

    /// <summary>The options, with their secret values registered so no log line or message can carry them.</summary>
    private static SalesforceOptions Registered(SalesforceOptions options)
    {
        Redactor.RegisterSecret(options.ClientSecret);
        Redactor.RegisterSecret(options.RefreshToken);
        return options;
    }
}

/// <summary>Validation of <see cref="SalesforceOptions"/> when first resolved: every problem at once, each with its key.</summary>
internal sealed class SalesforceOptionsValidator : IValidateOptions<SalesforceOptions>
{
    public ValidateOptionsResult Validate(string? name, SalesforceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
