using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Store;
using CrmStateSync.Sync.Backfill;
using CrmStateSync.Sync.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmStateSync.Hosting;

/// <summary>
/// The composed worker for a configured org (<see cref="WorkerComposition.AddCrmStateSync"/>): the connector, the SQLite
/// store, the sync engine, the backfill runner and the schema gate. <c>run</c>, <c>sync</c>, <c>backfill</c>, the demo
/// and the end-to-end tests all start it from a configuration.
/// </summary>
internal sealed class Worker : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private Worker(ServiceProvider services) => _services = services;

    public SqliteSyncStore Store => _services.GetRequiredService<SqliteSyncStore>();
    public SyncEngine Engine => _services.GetRequiredService<SyncEngine>();
    public WorkerOptions Options => _services.GetRequiredService<WorkerOptions>();
    public RulesEngine Rules => _services.GetRequiredService<RulesEngine>();
    public SyncOptions Sync => _services.GetRequiredService<SyncOptions>();

    /// <summary>The schema check run before the first write of this process.</summary>
    public SchemaGate Schema => _services.GetRequiredService<SchemaGate>();

    public ICrmConnector Connector => _services.GetRequiredService<ICrmConnector>();

    /// <summary>A backfill over this worker's connector and store.</summary>
    public BackfillRunner Backfill() => _services.GetRequiredService<BackfillRunner>();

    /// <summary>
    /// Validates <paramref name="configuration"/> and composes the worker; on invalid configuration lists every problem on
    /// <paramref name="error"/> and returns null (the caller exits with <see cref="ExitCodes.ConfigurationError"/>).
    /// <c>configure</c> adds registrations that replace the worker's own (tests: a request counter, other Sync options).
    /// <paramref name="readOnly"/> composes a dry run: the engine and the backfill see a read-only store and connector
    /// (<see cref="WorkerComposition.AddCrmStateSync"/>).
    /// </summary>
    public static async Task<Worker?> FromConfigurationAsync(
        IConfiguration configuration, TextWriter error, ILoggerFactory logging, TimeProvider clock, CancellationToken ct, Action<IServiceCollection>? configure = null,
        bool readOnly = false)
    {
        var (options, rules, problems) = WorkerConfiguration.Validate(configuration);
        if (problems.Count > 0)
        {
            Failures.Problems(problems, error);
            return null;
        }

        return await StartAsync(configuration, options, rules!, logging, clock, ct, configure, readOnly).ConfigureAwait(false);
    }

    /// <summary>Composes the worker from validated configuration (see <see cref="WorkerConfiguration.Validate"/>); read-only for a dry run.</summary>
    public static async Task<Worker> StartAsync(
        IConfiguration configuration, WorkerOptions options, CompiledRules rules, ILoggerFactory logging, TimeProvider clock, CancellationToken ct, Action<IServiceCollection>? configure = null,
        bool readOnly = false)
    {
        var path = Path.GetFullPath(options.DatabasePath);
        // One clock: what the store stamps (runs, journal, history, conflicts, tasks, problems) is on the engine's clock.
        var store = await SqliteSyncStore.OpenAsync(path, options.OrgId!, options.Provider!, time: clock, cancellationToken: ct).ConfigureAwait(false);
        try
        {
            var services = new ServiceCollection().AddCrmStateSync(configuration, options, rules, store, logging, clock, readOnly);
            configure?.Invoke(services);
            var worker = new Worker(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
            // The commands print counts, not per-account outcomes: a large org's cycle then holds one chunk at a time.
            worker.Engine.KeepOutcomes = false;
            return worker;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The store was opened before the container and is registered as an instance: the container does not dispose it.
        await Store.DisposeAsync().ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}
