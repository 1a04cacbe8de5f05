using CrmStateSync.Store.ReadModel;

namespace CrmStateSync.Store.Tests;

/// <summary>The console's runs list pages by id (the query seeks the rowid; docs/benchmarks.md has why it is written so).</summary>
public class StoreReaderRunsTests : StoreTestBase
{
    [Test]
    public async Task Runs_FirstPageAndBefore_PageNewestFirstByIdWithMore()
    {
        var store = await OpenAsync();
        for (var n = 0; n < 5; n++)
        {
            await store.StartRunAsync("sync", Ct);
        }

        await CloseAsync(store);
        var reader = new StoreReader(DbPath);

        var first = await reader.RunsAsync(null, 2, Ct);
        var middle = await reader.RunsAsync(4, 2, Ct);
        var last = await reader.RunsAsync(2, 2, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Items.Select(r => r.Id), Is.EqualTo(new long[] { 5, 4 }));
            Assert.That(first.HasMore, Is.True);
            Assert.That(middle.Items.Select(r => r.Id), Is.EqualTo(new long[] { 3, 2 }));
            Assert.That(middle.HasMore, Is.True);
            Assert.That(last.Items.Select(r => r.Id), Is.EqualTo(new long[] { 1 }));
            Assert.That(last.HasMore, Is.False);
        }
    }
}
