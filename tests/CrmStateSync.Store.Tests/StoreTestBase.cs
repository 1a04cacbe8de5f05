using Microsoft.Data.Sqlite;

namespace CrmStateSync.Store.Tests;

/// <summary>Each test gets a real SQLite file in its own temp folder, removed afterwards.</summary>
public abstract class StoreTestBase
{
    protected const string Org = "00D000000000001";
    protected const string Provider = "salesforce";

    private readonly List<SqliteSyncStore> _stores = [];

    protected string Folder { get; private set; } = "";

    protected string DbPath => Path.Combine(Folder, "state.db");

    protected static CancellationToken Ct => CancellationToken.None;

    [SetUp]
    public void CreateFolder()
    {
        Folder = Path.Combine(Path.GetTempPath(), "crmstatesync-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    [TearDown]
    public async Task DeleteFolder()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        _stores.Clear();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Opens (and tracks for disposal) a store on the test's file.</summary>
    protected async Task<SqliteSyncStore> OpenAsync(string org = Org, string provider = Provider, SyncStoreOptions? options = null, TimeProvider? time = null)
    {
        var store = await SqliteSyncStore.OpenAsync(DbPath, org, provider, options, time, Ct);
        _stores.Add(store);
        return store;
    }

    /// <summary>Closes a store as a crash would leave it: nothing completed, connection gone.</summary>
    protected async Task CloseAsync(SqliteSyncStore store)
    {
        _stores.Remove(store);
        await store.DisposeAsync();
    }

    /// <summary>A raw connection to the test's file, for checks beneath the store's API.</summary>
    protected SqliteConnection Raw()
    {
        var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        return connection;
    }

    protected long Scalar(string sql)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
