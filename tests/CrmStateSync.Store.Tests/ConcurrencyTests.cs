namespace CrmStateSync.Store.Tests;

public class ConcurrencyTests : StoreTestBase
{
    [Test]
    public async Task Read_WhileAnotherConnectionHoldsAWriteTransaction_SeesTheCommittedState()
    {
        var store = await OpenAsync();
        var committed = await store.StartRunAsync("sync", Ct);
        using var writer = Raw();
        using var tx = writer.BeginTransaction();
        using (var insert = writer.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO runs (kind, started_at) VALUES ('uncommitted', '2026-03-02T00:00:00.0000000Z')";
            insert.ExecuteNonQuery();
        }

        var reader = await OpenAsync();
        var readTask = reader.RecentRunsAsync(10, Ct);
        var finished = await Task.WhenAny(readTask, Task.Delay(TimeSpan.FromSeconds(5)));

        Assert.That(finished, Is.SameAs(readTask), "WAL: the reader is not blocked by the writer");
        Assert.That((await readTask).Select(r => r.Id), Is.EqualTo(new[] { committed }));
        tx.Rollback();
    }
}
