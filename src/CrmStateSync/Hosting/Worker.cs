using CrmStateSync.Crm.Contract;
using CrmStateSync.Crm.Schema;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Store;
using CrmStateSync.Sync.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Hosting;

/// <summary>The composed worker for a configured org: the connector, the SQLite store and the sync engine.</summary>
internal sealed class Worker : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private Worker(ServiceProvider services, SqliteSyncStore store, SyncEngine engine, WorkerOptions options, RulesEngine rules, SyncOptions sync, SchemaGate schema)
    {
        (_services, Store, Engine, Options, Rules, Sync, Schema) = (services, store, engine, options, rules, sync, schema);
    }

    public SqliteSyncStore Store { get; }
    public SyncEngine Engine { get; }
    public WorkerOptions Options { get; }
    public RulesEngine Rules { get; }
    public SyncOptions Sync { get; }

    /// <summary>The schema check run before the first write of this process.</summary>
    public SchemaGate Schema { get; }

    public ICrmConnector Connector => _services.GetRequiredService<ICrmConnector>();

    /// <summary>
    /// Loads and validates the configuration and composes the worker; on invalid configuration lists every problem on
    /// <paramref name="error"/> and returns null (the caller exits with <see cref="ExitCodes.ConfigurationError"/>).
    /// </summary>
    public static async Task<Worker?> FromConfigurationAsync(string? configPath, TextWriter error, ILoggerFactory logging, TimeProvider clock, CancellationToken ct)
    {
        var configuration = WorkerConfiguration.Load(configPath);
        var (options, rules, problems) = WorkerConfiguration.Validate(configuration);
        if (problems.Count > 0)
        {
            Failures.Problems(problems, error);
            return null;
        }

        return await StartAsync(configuration, options, rules!, logging, clock, ct).ConfigureAwait(false);
    }

    /// <summary>Composes the worker from validated configuration (see <see cref="WorkerConfiguration.Validate"/>).</summary>
    public static async Task<Worker> StartAsync(IConfiguration configuration, WorkerOptions options, CompiledRules rules, ILoggerFactory logging, TimeProvider clock, CancellationToken ct)
    {
        var provider = CrmHost.Compose(configuration, options, logging, clock);
        var path = Path.GetFullPath(options.DatabasePath);
        var store = await SqliteSyncStore.OpenAsync(path, options.OrgId!, options.Provider!, cancellationToken: ct).ConfigureAwait(false);
        var sync = WorkerConfiguration.Bind<SyncOptions>(configuration.GetSection("Sync"), []);
        var rulesEngine = new RulesEngine(rules);
        var crm = provider.GetRequiredService<ICrmConnector>();
        // The commands print counts, not per-account outcomes: a large org's cycle then holds one chunk at a time.
        var engine = new SyncEngine(crm, new SyncStorePort(store), rulesEngine, sync, clock, logging.CreateLogger<SyncEngine>()) { KeepOutcomes = false };
        var gate = new SchemaGate(crm, ExpectedSchema.For(options.Provider!, CrmHost.MappingOf(configuration, options.Provider!), rules));
        return new Worker(provider, store, engine, options, rulesEngine, sync, gate);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync().ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}
