namespace CrmStateSync.Store.Tests;

public class WorkerStateTests : StoreTestBase
{
    [Test]
    public void SchemaVersion_WithWorkerStateCursorSettlingTaskDetailsTaskAttemptsProblemsConflictResolutionAndConsoleIndexes_IsNine() => Assert.That(SqliteSyncStore.SchemaVersion, Is.EqualTo(9));

    [Test]
    public async Task GetState_NeverSet_IsNull()
    {
        var store = await OpenAsync();

        Assert.That(await store.GetStateAsync("sync.lastFullEvaluation", Ct), Is.Null);
    }

    [Test]
    public async Task SetState_Twice_KeepsTheLatestAcrossReopening()
    {
        var store = await OpenAsync();
        await store.SetStateAsync("sync.lastFullEvaluation", "2026-11-22", Ct);
        await store.SetStateAsync("sync.lastFullEvaluation", "2026-11-23", Ct);
        await store.DisposeAsync();

        var reopened = await OpenAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await reopened.GetStateAsync("sync.lastFullEvaluation", Ct), Is.EqualTo("2026-11-23"));
            Assert.That(Scalar("SELECT count(*) FROM worker_state"), Is.EqualTo(1));
        }
    }
}
