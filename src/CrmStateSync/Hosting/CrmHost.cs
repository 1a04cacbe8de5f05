using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.HubSpot;
using CrmStateSync.Crm.Mapping;
using CrmStateSync.Crm.Salesforce;
using CrmStateSync.Crm.Schema;
using CrmStateSync.Rules.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Hosting;

/// <summary>
/// The configured org's connector without the store (the <c>schema</c> commands need no SQLite file), with the field
/// mapping in effect and the fields it expects.
/// </summary>
internal sealed class CrmHost(ServiceProvider services, IConfiguration configuration, WorkerOptions options, CompiledRules rules, ILoggerFactory logging) : IAsyncDisposable
{
    public WorkerOptions Options { get; } = options;

    public string Provider => Options.Provider!;

    public ICrmConnector Connector => services.GetRequiredService<ICrmConnector>();

    /// <summary>The connector's provisioner, when its CRM provisions through the API (HubSpot).</summary>
    public ISchemaProvisioner? Provisioner => services.GetService<ISchemaProvisioner>();

    /// <summary>Defaults with configuration overrides (<c>Crm:{Provider}:Mapping</c>).</summary>
    public FieldMappingOptions Mapping { get; } = MappingOf(configuration, options.Provider!);

    public IReadOnlyList<ExpectedField> Expected => ExpectedSchema.For(Provider, Mapping, rules);

    /// <summary>The Salesforce API version the package is generated for.</summary>
    public string SalesforceApiVersion => WorkerConfiguration.Bind<SalesforceOptions>(configuration.GetSection(SalesforceOptions.Section), []).ApiVersion;

    /// <summary>
    /// Loads and validates the configuration (every problem listed on <paramref name="error"/>, then null) and composes
    /// the connector, logging as the configuration says (its <c>Serilog</c> section), as every command that loads one does.
    /// </summary>
    public static CrmHost? FromConfiguration(string? configPath, TextWriter error, TimeProvider clock)
    {
        var configuration = WorkerConfiguration.Load(configPath);
        var (options, rules, problems) = WorkerConfiguration.Validate(configuration);
        if (problems.Count > 0)
        {
            Failures.Problems(problems, error);
            return null;
        }

        var logging = Logging.WorkerLogging.Create(configuration, Console.IsErrorRedirected);
        return new CrmHost(Compose(configuration, options, logging, clock), configuration, options, rules!, logging);
    }

    /// <summary>The connector of the configured provider, composed as the worker composes it.</summary>
    public static ServiceProvider Compose(IConfiguration configuration, WorkerOptions options, ILoggerFactory logging, TimeProvider clock) =>
        new ServiceCollection().AddCrmConnector(configuration, options.Provider!, logging, clock).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    /// <summary>The mapping in effect: the defaults, with configuration binding over them key by key.</summary>
    public static FieldMappingOptions MappingOf(IConfiguration configuration, string provider) => provider == "hubspot"
        ? WorkerConfiguration.Bind<HubSpotOptions>(configuration.GetSection(HubSpotOptions.Section), []).Mapping
        : WorkerConfiguration.Bind<SalesforceOptions>(configuration.GetSection(SalesforceOptions.Section), []).Mapping;

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync().ConfigureAwait(false);
        logging.Dispose();
    }
}
