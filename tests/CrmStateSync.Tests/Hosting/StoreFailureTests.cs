using System.Text.Json;
using CrmStateSync.Store;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Hosting;

/// <summary>
/// sync.md "The store's own failures are clear": a store file that is not a database, is damaged, or cannot be created
/// or opened is reported with its path and what to do, with exit code 8 (StoreUnusable) — never as a bug.
/// </summary>
public class StoreFailureTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempFolder();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void SyncOnce_StoreFileIsNotADatabase_NamesTheFileAndExitsStoreUnusable()
    {
        var store = _temp.Write("state.db", "this is a text file, not a SQLite database; it is long enough to have a header of its own ..........");

        var run = CommandRun.Of("sync", "--once", "--config", Config(store));

        AssertUnusable(run, store, "is not a SQLite database");
    }

    [Test]
    public async Task ReportRuns_StoreWithDamagedPages_NamesTheFileAndExitsStoreUnusable()
    {
        var store = Path.Combine(_temp.Path, "state.db");
        await CreateStoreWithRunsAsync(store, runs: 500);
        Damage(store);

        var run = CommandRun.Of("report", "runs", "--database", store);

        AssertUnusable(run, store, "is damaged");
    }

    [Test]
    public void SyncOnce_StoreDirectoryCannotBeCreated_NamesTheFileAndExitsStoreUnusable()
    {
        var notADirectory = _temp.Write("state", "a file where the store's directory should be");
        var store = Path.Combine(notADirectory, "crmstatesync.db");

        var run = CommandRun.Of("sync", "--once", "--config", Config(store));

        AssertUnusable(run, store, "cannot be created, opened or written");
    }

    [Test]
    public void SyncOnce_StorePathIsADirectory_NamesTheFileAndExitsStoreUnusable()
    {
        var store = Directory.CreateDirectory(Path.Combine(_temp.Path, "state.db")).FullName;

        var run = CommandRun.Of("sync", "--once", "--config", Config(store));

        AssertUnusable(run, store, "cannot be created, opened or written");
    }

    private static void AssertUnusable(CommandRun run, string store, string what)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.StoreUnusable), run.Error);
            Assert.That(run.Error, Does.Contain($"The store file {store} {what}"));
            Assert.That(run.Error, Does.Contain("restore").Or.Contain("Check"), "says what to do");
            Assert.That(run.Error, Does.Not.Contain("unexpected").And.Not.Contain("bug"));
        }
    }

    /// <summary>A worker configuration whose CRM is never reached (the store is opened first).</summary>
    private string Config(string databasePath) => _temp.Write("appsettings.json", JsonSerializer.Serialize(new
    {
        Worker = new { Provider = "salesforce", OrgId = "00Dstore", DatabasePath = databasePath },
        Crm = new { Salesforce = new { LoginUrl = "http://127.0.0.1:9", ClientId = "client", ClientSecret = "not-used-secret" } },
    }));

    private static async Task CreateStoreWithRunsAsync(string path, int runs)
    {
        await using var store = await SqliteSyncStore.OpenAsync(path, "00Dstore", "salesforce");
        for (var i = 0; i < runs; i++)
        {
            await store.StartRunAsync("sync", CancellationToken.None);
        }
    }

    /// <summary>Overwrites every page after the first (the header and the schema stay readable) with garbage.</summary>
    private static void Damage(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.That(bytes, Has.Length.GreaterThan(3 * 4096), "the store needs pages beyond the first to damage");
        for (var i = 4096; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31 % 251);
        }

        File.WriteAllBytes(path, bytes);
    }
}
