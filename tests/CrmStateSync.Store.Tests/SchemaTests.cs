namespace CrmStateSync.Store.Tests;

public class SchemaTests : StoreTestBase
{
    [Test]
    public async Task Open_EmptyFolder_CreatesLatestSchemaWithOrgAndProvider()
    {
        await OpenAsync();

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(DbPath), Is.True);
            Assert.That(Scalar("SELECT version FROM schema_info"), Is.EqualTo(SqliteSyncStore.SchemaVersion));
            Assert.That(Scalar($"SELECT count(*) FROM schema_info WHERE org_id = '{Org}' AND provider = '{Provider}'"), Is.EqualTo(1));
            Assert.That(Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('cursors','accounts','usage','usage_carry','conflicts','write_entries','intervention_tasks','runs','transitions')"), Is.EqualTo(9));
        });
    }

    [Test]
    public async Task Open_File_UsesWalMode()
    {
        await OpenAsync();

        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.That(command.ExecuteScalar(), Is.EqualTo("wal"));
    }

    [Test]
    public async Task Open_Twice_IsIdempotentAndKeepsData()
    {
        var first = await OpenAsync();
        await first.StartRunAsync("sync", Ct);
        await CloseAsync(first);

        var second = await OpenAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Scalar("SELECT count(*) FROM schema_info"), Is.EqualTo(1));
            Assert.That(Scalar("SELECT version FROM schema_info"), Is.EqualTo(SqliteSyncStore.SchemaVersion));
            Assert.That(await second.RecentRunsAsync(10, Ct), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Open_NewerSchemaVersion_IsRefusedNamingBothVersions()
    {
        await CloseAsync(await OpenAsync());
        Execute("UPDATE schema_info SET version = 99");

        var ex = Assert.ThrowsAsync<StoreMismatchException>(() => OpenAsync());

        Assert.That(ex!.Message, Does.Contain("99").And.Contain($"version {SqliteSyncStore.SchemaVersion}"));
    }

    [Test]
    public async Task Open_OtherOrg_IsRefusedNamingBothOrgs()
    {
        await CloseAsync(await OpenAsync());

        var ex = Assert.ThrowsAsync<StoreMismatchException>(() => OpenAsync(org: "00D999"));

        Assert.That(ex!.Message, Does.Contain(Org).And.Contain("00D999"));
    }

    [Test]
    public async Task Open_OtherProvider_IsRefusedNamingBothProviders()
    {
        await CloseAsync(await OpenAsync());

        var ex = Assert.ThrowsAsync<StoreMismatchException>(() => OpenAsync(provider: "hubspot"));

        Assert.That(ex!.Message, Does.Contain("salesforce").And.Contain("hubspot"));
    }

    [Test]
    public void Open_InvalidOptions_ListsEveryProblem()
    {
        var options = new SyncStoreOptions { UsageRetention = TimeSpan.FromHours(5), BusyTimeout = TimeSpan.FromSeconds(-1) };

        var ex = Assert.ThrowsAsync<ArgumentException>(() => OpenAsync(options: options));

        Assert.That(ex!.Message, Does.Contain("Store:UsageRetention").And.Contain("Store:BusyTimeout"));
    }

    private void Execute(string sql)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
