using CrmStateSync.Demo;
using CrmStateSync.Hosting;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sandbox;
using CrmStateSync.Sandbox.Seed;
using CrmStateSync.Store;
using CrmStateSync.Sync.Backfill;
using CrmStateSync.Sync.Engine;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmStateSync.Tests.Backfill;

/// <summary>The sandbox CRM (generated accounts plus one known account), the real connector and a real SQLite file.</summary>
internal sealed class BackfillHarness : IAsyncDisposable
{
    public static readonly DateOnly AsOf = new(2026, 11, 23);
    public static readonly DateOnly Won = AsOf.AddDays(-300);

    /// <summary>One value action a day from day 30 after the win: 10 in 14 days on day 39.</summary>
    public static readonly DateOnly AdoptingOn = Won.AddDays(39);

    public const string KnownName = "Known Backfill Co";

    private readonly SandboxServer _sandbox = new();
    private Worker? _worker;

    public SqliteSyncStore Store => _worker!.Store;

    public SyncStorePort Port => new(Store);

    public static async Task<BackfillHarness> StartAsync(string dbPath, int generated = 20, bool readOnly = false)
    {
        var harness = new BackfillHarness();
        var seed = SandboxSeed.Generate(new SeedOptions { Accounts = generated, AsOf = AsOf });
        harness._sandbox.SeedSalesforce(new SeedData(AsOf, [.. seed.Accounts, Known()]));
        await harness._sandbox.StartAsync();
        // Composed as `backfill --sandbox` composes it (and `run` an org).
        harness._worker = await Worker.FromConfigurationAsync(
            SandboxSettings.Configuration("salesforce", harness._sandbox, dbPath, "demo"), TextWriter.Null, NullLoggerFactory.Instance, Clock, CancellationToken.None, readOnly: readOnly)
            ?? throw new AssertionException("the sandbox configuration is invalid");
        harness._worker.Engine.KeepOutcomes = true;
        return harness;
    }

    public BackfillRunner Runner() => _worker!.Backfill();

    public SyncEngine Engine() => _worker!.Engine;

    public async Task<string> KnownIdAsync()
    {
        foreach (var id in await Port.CachedAccountsAsync(CancellationToken.None))
        {
            if ((await Port.LoadAsync(id, CancellationToken.None))?.Snapshot.Name == KnownName)
            {
                return id;
            }
        }

        throw new AssertionException("the known account is not in the cache");
    }

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }

        await _sandbox.DisposeAsync();
    }

    private static readonly FixedClock Clock = new(AsOf.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));

    private static AccountSnapshot Known() => new()
    {
        Id = "known-1",
        Name = KnownName,
        Segment = "SMB",
        OwnerId = "owner-1",
        Opportunities = [new Opportunity { Id = "known-opp", IsClosed = true, IsWon = true, CloseDate = Won, Type = OpportunityType.NewBusiness, ContractStart = Won }],
        Usage = [.. Enumerable.Range(0, 300).Select(d => new UsageRow { Date = Won.AddDays(d), ActiveUsers = 1, ValueActions = d < 30 ? 0 : 1, CoreEvents = 2 })],
        Managed = new ManagedValues { Stage = "Healthy" },
    };
}
