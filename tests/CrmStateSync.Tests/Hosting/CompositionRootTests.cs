using CrmStateSync.Demo;
using CrmStateSync.Hosting;
using CrmStateSync.Sandbox;
using CrmStateSync.Sync.DryRun;
using CrmStateSync.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmStateSync.Tests.Hosting;

/// <summary>
/// One composition root (issue "Reliability", item 9): <c>run</c>, <c>sync</c>, <c>backfill</c>, the demo and the
/// end-to-end tests build the connector, store port, engine and backfill runner through
/// <see cref="WorkerComposition.AddCrmStateSync"/> from a configuration — nobody builds them by hand.
/// </summary>
public class CompositionRootTests
{
    /// <summary>What only the composition may construct or register.</summary>
    private static readonly string[] ComposedByHand =
    [
        "new SyncEngine(", "new BackfillRunner(", "new SyncStorePort(", "AddSalesforceConnector(", "AddHubSpotConnector(",
    ];

    [Test(Description = "One composition root: no file of the executable or of the end-to-end tests builds the engine, the backfill runner, the store port or a connector itself")]
    public void Sources_OfTheExecutableAndTheEndToEndTests_ComposeOnlyThroughWorkerComposition()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "CrmStateSync"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "CrmStateSync.Tests"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) is not ("WorkerComposition.cs" or "CompositionRootTests.cs"))
            .ToList();

        var byHand = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(RepoPaths.Root, f), Line: i + 1, Text: line.Trim())))
            .Where(l => ComposedByHand.Any(p => l.Text.Contains(p, StringComparison.Ordinal)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(files, Has.Count.GreaterThan(100), "the scan found the sources");
            Assert.That(byHand, Is.Empty, "composed by hand instead of through WorkerComposition");
        });
    }

    [TestCase("salesforce", "SalesforceConnector")]
    [TestCase("hubspot", "HubSpotConnector")]
    public async Task FromConfiguration_SandboxKeys_ComposesTheConfiguredConnectorAndSyncSection(string crm, string connector)
    {
        await using var sandbox = new SandboxServer();
        await sandbox.StartAsync();
        using var folder = new TempFolder();
        var configuration = SandboxSettings.Configuration(crm, sandbox, Path.Combine(folder.Path, "state.db"), "org-compose", [new("Sync:WriteChunk", "50"), new("Sync:CreateTasks", "false"), new("Sync:ChunkSize", "250")]);

        await using var worker = await Worker.FromConfigurationAsync(configuration, TextWriter.Null, NullLoggerFactory.Instance, TimeProvider.System, CancellationToken.None);

        Assert.That(worker, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(worker!.Connector.GetType().Name, Is.EqualTo(connector));
            Assert.That((worker.Sync.WriteChunk, worker.Sync.CreateTasks, worker.Sync.ChunkSize), Is.EqualTo((50, false, 250)), "the Sync section reaches the engine's options");
            Assert.That(worker.Options.OrgId, Is.EqualTo("org-compose"));
            Assert.That(File.Exists(Path.Combine(folder.Path, "state.db")), Is.True, "the store file was opened where Worker:DatabasePath says");
        });
    }

    /// <summary>A dry run is chosen by the composition (issue 14, item 4): the engine gets the read-only store and connector.</summary>
    [TestCase("salesforce")]
    [TestCase("hubspot")]
    public async Task FromConfiguration_ReadOnly_ComposesTheReadOnlyStoreAndConnector(string crm)
    {
        await using var sandbox = new SandboxServer();
        await sandbox.StartAsync();
        using var folder = new TempFolder();
        var configuration = SandboxSettings.Configuration(crm, sandbox, Path.Combine(folder.Path, "state.db"), "org-compose");

        await using var worker = await Worker.FromConfigurationAsync(configuration, TextWriter.Null, NullLoggerFactory.Instance, TimeProvider.System, CancellationToken.None, readOnly: true);
        var plan = await worker!.Engine.PlanAccountsAsync(["not-there"], CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(worker.Connector, Is.TypeOf<ReadOnlyCrmConnector>());
            Assert.That(worker.Connector.Provider, Is.EqualTo(crm));
            Assert.That(plan.Summary.DryRun, Is.True, "the engine's store is read-only: it plans");
            Assert.That(await worker.Store.RecentRunsAsync(5, CancellationToken.None), Is.Empty, "no run row");
        }
    }

    [Test(Description = "One composition root: an invalid configuration composes nothing and lists every problem with its key")]
    public async Task FromConfiguration_InvalidKeys_ReturnsNullAndListsEachKey()
    {
        await using var sandbox = new SandboxServer();
        await sandbox.StartAsync();
        using var folder = new TempFolder();
        var configuration = SandboxSettings.Configuration("salesforce", sandbox, Path.Combine(folder.Path, "state.db"), "org-compose", [new("Crm:Salesforce:ClientId", ""), new("Sync:WriteChunk", "0")]);
        using var error = new StringWriter();

        await using var worker = await Worker.FromConfigurationAsync(configuration, error, NullLoggerFactory.Instance, TimeProvider.System, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(worker, Is.Null);
            Assert.That(error.ToString(), Does.Contain("Crm:Salesforce:ClientId").And.Contain("Sync:WriteChunk"));
            Assert.That(File.Exists(Path.Combine(folder.Path, "state.db")), Is.False, "no store file was created");
        });
    }
}
