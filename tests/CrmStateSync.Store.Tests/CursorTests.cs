using CrmStateSync.Crm.Contract;

namespace CrmStateSync.Store.Tests;

public class CursorTests : StoreTestBase
{
    [Test]
    public async Task GetCursor_NeverSet_IsStart()
    {
        var store = await OpenAsync();

        Assert.That(await store.GetCursorAsync(CrmObject.Account, Ct), Is.EqualTo(ReadCursor.Start));
    }

    [Test]
    public async Task SetCursor_TiedTimestamps_KeepsTheLastIdAndExactInstantPerObject()
    {
        var store = await OpenAsync();
        var tied = new DateTimeOffset(2026, 3, 2, 10, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567);
        await store.SetCursorAsync(CrmObject.Usage, new ReadCursor(tied, "a0B000000000001"), Ct);
        await store.SetCursorAsync(CrmObject.Usage, new ReadCursor(tied, "a0B000000000002"), Ct);
        await store.SetCursorAsync(CrmObject.Contact, new ReadCursor(tied.AddDays(-1), "003"), Ct);

        await CloseAsync(store);
        var reopened = await OpenAsync();
        var usage = await reopened.GetCursorAsync(CrmObject.Usage, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(usage.ModifiedAt, Is.EqualTo(tied));
            Assert.That(usage.LastId, Is.EqualTo("a0B000000000002"));
            Assert.That(usage.IsBefore(tied, "a0B000000000002"), Is.False, "the record at the cursor is not read again");
            Assert.That(usage.IsBefore(tied, "a0B000000000003"), Is.True, "a tied record after it still is");
            Assert.That((await reopened.GetCursorAsync(CrmObject.Contact, Ct)).LastId, Is.EqualTo("003"));
            Assert.That(await reopened.GetCursorAsync(CrmObject.Account, Ct), Is.EqualTo(ReadCursor.Start));
        }
    }

    [Test]
    public async Task SetPullCursor_SettledWithReachedAt_RoundTripsAcrossReopening()
    {
        var store = await OpenAsync();
        var reached = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var cursor = new Sync.Ports.PullCursor(new ReadCursor(reached.AddMinutes(-3), "001A") { Settled = true }, reached);
        await store.SetPullCursorAsync(CrmObject.Account, cursor, Ct);
        await store.DisposeAsync();

        var reopened = await OpenAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await reopened.GetPullCursorAsync(CrmObject.Account, Ct), Is.EqualTo(cursor));
            Assert.That(await reopened.GetPullCursorAsync(CrmObject.Usage, Ct), Is.EqualTo(Sync.Ports.PullCursor.Start));
        }
    }
}
