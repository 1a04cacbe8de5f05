using CrmStateSync.Crm.HubSpot;
using CrmStateSync.Crm.Salesforce;
using CrmStateSync.Crm.Schema;
using CrmStateSync.Logging;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Store;
using CrmStateSync.Sync.Backfill;
using CrmStateSync.Sync.DryRun;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Ports;
using CrmStateSync.Sync.Progress;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Hosting;

/// <summary>
/// The one composition of the worker: every command that reads or writes an org (<c>run</c>, <c>sync</c>,
/// <c>backfill</c>, <c>schema</c>), the demo and the end-to-end tests build the connector, store port, rules, engine and
/// schema gate through these registrations, from a configuration, so what the tests exercise is what runs in production.
/// </summary>
internal static class WorkerComposition
{
    /// <summary>The connector of <paramref name="provider"/> from its <c>Crm:*</c> section, with logging and the clock.</summary>
    public static IServiceCollection AddCrmConnector(this IServiceCollection services, IConfiguration configuration, string provider, ILoggerFactory logging, TimeProvider clock)
    {
        services.AddSingleton(logging);
        services.AddLogging();
        services.AddSingleton(clock);
        return provider == "hubspot"
            ? services.AddHubSpotConnector(o => configuration.GetSection(HubSpotOptions.Section).Bind(o), clock)
            : services.AddSalesforceConnector(configuration.GetSection(SalesforceOptions.Section), clock);
    }

    /// <summary>
    /// The whole worker over an opened <paramref name="store"/>: the connector, the <c>Sync</c> options, the rules, the
    /// sync engine, the backfill runner and the schema gate. Registrations added after this one replace these (tests
    /// replace <see cref="SyncOptions"/>, add a request counter to every HTTP client).
    /// <paramref name="readOnly"/> composes a dry run (<c>sync --dry-run</c>, <c>backfill --dry-run</c>): the store port
    /// and the connector are wrapped in their read-only decorators (<see cref="ReadOnlySyncStore"/>,
    /// <see cref="ReadOnlyCrmConnector"/>), so the engine and the backfill compute the plan and nothing is written.
    /// </summary>
    public static IServiceCollection AddCrmStateSync(
        this IServiceCollection services, IConfiguration configuration, WorkerOptions options, CompiledRules rules, SqliteSyncStore store, ILoggerFactory logging, TimeProvider clock,
        bool readOnly = false)
    {
        var provider = options.Provider!;
        services.AddCrmConnector(configuration, provider, logging, clock);
        if (readOnly)
        {
            ReadOnlyConnector(services);
        }

        services.AddSingleton(options);
        services.AddSingleton(rules);
        services.AddSingleton(new RulesEngine(rules));
        services.AddSingleton(WorkerConfiguration.Bind<SyncOptions>(configuration.GetSection("Sync"), []));
        // The store is opened (and disposed) by the Worker: opening is asynchronous and its failures have their own exit code.
        services.AddSingleton(store);
        services.AddSingleton<SyncStorePort>();
        services.AddSingleton<ISyncStore>(sp => readOnly ? new ReadOnlySyncStore(sp.GetRequiredService<SyncStorePort>()) : sp.GetRequiredService<SyncStorePort>());
        // Progress of long work: structured events at Worker:ProgressInterval, a live line on a terminal (never stdout).
        services.AddSingleton<IProgress<ProgressUpdate>>(new ProgressLog(logging.CreateLogger("CrmStateSync.Progress"), clock, options.ProgressInterval, TerminalProgress.StandardError));
        services.AddSingleton<SyncEngine>();
        services.AddTransient<BackfillRunner>();
        services.AddSingleton(sp => new SchemaGate(
            sp.GetRequiredService<Crm.Contract.ICrmConnector>(),
            ExpectedSchema.For(provider, CrmHost.MappingOf(configuration, provider), rules),
            provider,
            store,
            clock,
            sp.GetRequiredService<ILogger<SchemaGate>>(),
            readOnly));
        return services;
    }

    /// <summary>The registered connector, resolved as before (same lifetime), behind <see cref="ReadOnlyCrmConnector"/>.</summary>
    private static void ReadOnlyConnector(IServiceCollection services)
    {
        var inner = services.Last(d => d.ServiceType == typeof(Crm.Contract.ICrmConnector));
        services.Remove(inner);
        services.Add(new ServiceDescriptor(typeof(Crm.Contract.ICrmConnector), sp => new ReadOnlyCrmConnector((Crm.Contract.ICrmConnector)(
            inner.ImplementationInstance
            ?? inner.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!))), inner.Lifetime));
    }
}
