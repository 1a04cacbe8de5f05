using CrmStateSync.Crm.Contract;
using CrmStateSync.Hosting;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Data;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Store;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// The worker of <c>run</c> and <c>sync</c> for one test, composed the same way (<see cref="Worker.FromConfigurationAsync"/>
/// from the configuration keys an org's appsettings holds, pointed at the sandbox): a loopback sandbox CRM seeded with
/// hand-made accounts, the real connector over HTTP (every request counted), the real SQLite store in a temp folder, the
/// real rules and engine, on a clock stopped at <see cref="E2e.AsOf"/> noon.
/// </summary>
internal sealed class SyncScenario : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private Worker? _worker;

    private SyncScenario(string crm, SyncOptions options)
    {
        Crm = crm;
        Options = options;
    }

    public string Crm { get; }
    public SyncOptions Options { get; }
    public SandboxServer Sandbox { get; } = new(new SandboxOptions { Clock = CrmClock });

    /// <summary>The sandbox's clock: it starts at <see cref="E2e.AsOf"/> 06:00 and ticks, so human edits fall on that day.</summary>
    private static TickingClock CrmClock => new(E2e.AsOf.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc));
    public RequestLog Requests { get; } = new();

    /// <summary>The worker's clock (the engine's "now"); stopped at noon of the scenario's day unless a test sets one and restarts.</summary>
    public TimeProvider WorkerClock { get; set; } = new FixedClock(E2e.AsOf.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));
    public SqliteSyncStore Store { get; private set; } = null!;
    public SyncEngine Engine { get; private set; } = null!;
    public string DatabasePath => Path.Combine(_folder.Path, "sync.db");

    /// <summary>Registrations over the worker's own, applied at the next <see cref="RestartAsync"/> (a store that fails for one account …).</summary>
    public Action<IServiceCollection>? Configure { get; set; }

    /// <summary>Starts a sandbox holding <paramref name="accounts"/> and an engine over a fresh SQLite file.</summary>
    public static async Task<SyncScenario> StartAsync(IEnumerable<AccountSnapshot> accounts, SyncOptions? options = null, string crm = "salesforce")
    {
        var scenario = new SyncScenario(crm, options ?? new SyncOptions());
        var seed = SandboxSeed.FromSnapshots(accounts, E2e.AsOf);
        _ = crm == "hubspot" ? scenario.Sandbox.SeedHubSpot(seed) : scenario.Sandbox.SeedSalesforce(seed);
        await scenario.Sandbox.StartAsync();
        await scenario.RestartAsync();
        return scenario;
    }

    /// <summary>The real connector the engine uses (to act as the worker did before a crash).</summary>
    public ICrmConnector Connector => _worker!.Connector;

    /// <summary>One real cycle; or one dry-run cycle (<see cref="DryRunAsync"/>).</summary>
    public async Task<CycleResult> CycleAsync(bool dryRun = false) =>
        dryRun ? await DryRunAsync(engine => engine.RunCycleAsync(CancellationToken.None)) : await Engine.RunCycleAsync(CancellationToken.None);

    /// <summary>
    /// A dry run as <c>sync --dry-run</c> makes it: the worker composed read-only over the same file runs
    /// <paramref name="run"/>; then the worker is composed as before (a restart each way).
    /// </summary>
    public async Task<CycleResult> DryRunAsync(Func<SyncEngine, Task<CycleResult>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        await RestartAsync(readOnly: true);
        try
        {
            return await run(Engine);
        }
        finally
        {
            await RestartAsync();
        }
    }

    /// <summary>
    /// A process restart: the worker (connector, HTTP clients, store, engine) is disposed and composed again from its
    /// configuration over the same file; <paramref name="readOnly"/> composes it for a dry run.
    /// </summary>
    public async Task RestartAsync(bool readOnly = false)
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }

        var configuration = CrmStateSync.Demo.SandboxSettings.Configuration(Crm, Sandbox, DatabasePath, "e2e");
        _worker = await Worker.FromConfigurationAsync(configuration, TextWriter.Null, NullLoggerFactory.Instance, WorkerClock, CancellationToken.None, services =>
        {
            services.AddSingleton(Options);
            services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(Requests.Handler));
            Configure?.Invoke(services);
        }, readOnly) ?? throw new AssertionException("the sandbox configuration is invalid");
        // Tests look at each account's outcome, as the demo does.
        _worker.Engine.KeepOutcomes = true;
        Store = _worker.Store;
        Engine = _worker.Engine;
    }

    /// <summary>The sandbox's account table (Salesforce <c>Account</c> / HubSpot <c>companies</c>).</summary>
    public SandboxTable Accounts => Crm == "hubspot" ? Sandbox.HubSpot.TableOf("Account") : Sandbox.Salesforce.TableOf("Account");

    /// <summary>The table of a canonical object in the sandbox.</summary>
    public SandboxTable Table(string canonicalObject) => Crm == "hubspot" ? Sandbox.HubSpot.TableOf(canonicalObject) : Sandbox.Salesforce.TableOf(canonicalObject);

    /// <summary>The CRM field name of a canonical key.</summary>
    public string Field(string key) => (Crm == "hubspot" ? Sandbox.HubSpot.Mapping : Sandbox.Salesforce.Mapping).Account[key];

    /// <summary>Whether the CRM's account mapping has a field for <paramref name="key"/> (Salesforce computes time to value in a formula).</summary>
    public bool Maps(string key) => (Crm == "hubspot" ? Sandbox.HubSpot.Mapping : Sandbox.Salesforce.Mapping).Account.ContainsKey(key);

    /// <summary>The CRM id of the account seeded with <paramref name="name"/>.</summary>
    public string IdOf(string name) => Accounts.Ordered().Single(r => Equals(r[Field("name")], name)).Id;

    /// <summary>The stored value of a managed field of the named account, as the sandbox holds it.</summary>
    public object? Value(string name, string key) => Accounts.Find(IdOf(name))![Field(key)];

    /// <summary>
    /// The stored value of a managed field as canonical text, whichever CRM holds it: dates <c>yyyy-MM-dd</c> (HubSpot's
    /// midnight milliseconds too), picklist values mapped back to the canonical stage and state names.
    /// </summary>
    public string? Text(string name, string key)
    {
        var value = Value(name, key);
        var mapping = Crm == "hubspot" ? Sandbox.HubSpot.Mapping : Sandbox.Salesforce.Mapping;
        var picklist = key == ManagedField.Stage ? "stage" : key.StartsWith("state:", StringComparison.Ordinal) ? "stateValue" : null;
        if (picklist is not null && value is string crmValue)
        {
            return mapping.Picklists[picklist].Single(p => p.Value == crmValue).Key;
        }

        if (ManagedField.KindOf(key) == ManagedFieldKind.Date && value is string ms && long.TryParse(ms, out var millis))
        {
            return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        return Sync.Diff.FieldText.Of(value);
    }

    /// <summary>A human (not the integration user) sets fields of the named account, as in the CRM's UI.</summary>
    public void HumanEdit(string name, params (string Key, object? Value)[] changes)
    {
        var id = IdOf(name);
        Accounts.Update(id, current =>
        {
            var fields = new Dictionary<string, object?>(current.Fields, StringComparer.Ordinal);
            foreach (var (key, value) in changes)
            {
                fields[Field(key)] = value;
            }

            return current with { Fields = fields, ModifiedAt = Later(current.ModifiedAt), ModifiedBy = E2e.HumanUser };
        });
    }

    /// <summary>Marks the record deleted (Salesforce <c>IsDeleted</c> through queryAll, HubSpot archived).</summary>
    public void Delete(string canonicalObject, string id) =>
        Table(canonicalObject).Update(id, current => current with { Deleted = true, ModifiedAt = Later(current.ModifiedAt), ModifiedBy = E2e.HumanUser });

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }

        await Sandbox.DisposeAsync();
        _folder.Dispose();
    }

    private DateTimeOffset Later(DateTimeOffset previous)
    {
        var now = SandboxRecord.Stamp(Sandbox.Options.Clock.GetUtcNow());
        return now > previous ? now : previous.AddMilliseconds(1);
    }
}
