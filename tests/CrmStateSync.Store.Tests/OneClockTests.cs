using CrmStateSync.Crm.Contract;
using CrmStateSync.Sync.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CrmStateSync.Store.Tests;

/// <summary>
/// One clock (issue 14, item 4): a run row holds the times the engine gives it — the cycle's start and its summary's
/// finish — and whatever the store stamps itself comes from the <see cref="TimeProvider"/> it was opened with (the
/// composition's one clock), never from the system clock.
/// </summary>
public class OneClockTests : StoreTestBase
{
    private static readonly DateTimeOffset StoreNow = new(2026, 3, 1, 11, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task RunRow_ThroughThePort_RecordsTheEngineStartAndTheSummaryFinishExactly()
    {
        var clock = new FakeTimeProvider(StoreNow);
        var port = new SyncStorePort(await OpenAsync(time: clock));
        var started = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        var finished = started.AddSeconds(95).AddTicks(89);

        var id = await port.StartRunAsync("sync", started, Ct);
        clock.Advance(TimeSpan.FromHours(2));
        await port.FinishRunAsync(id, new RunSummary { StartedAt = started, FinishedAt = finished, Outcome = "partial", Read = 3 }, Ct);

        var run = (await port.Store.RecentRunsAsync(1, Ct)).Single();
        Assert.That((run.Id, run.StartedAt, run.FinishedAt, run.Outcome, run.Counts.Read), Is.EqualTo((id, started, (DateTimeOffset?)finished, "partial", 3)));
    }

    [Test]
    public async Task StoreStamps_RunJournalAndTask_ComeFromTheStoresTimeProvider()
    {
        var store = await OpenAsync(time: new FakeTimeProvider(StoreNow));

        await store.StartRunAsync("backfill", Ct);
        var batch = await store.BeginBatchAsync([new JournalWrite(new AccountWrite("001", new Dictionary<string, object?> { ["stage"] = "Onboarding" }))], Ct);
        await store.CompleteBatchAsync(batch, [WriteResult.Ok("001")], Ct);
        await store.TryReserveTaskAsync(Some.Reservation("001", Rules.Model.InterventionKind.OutcomeReview), Ct);

        var expected = Internal.Iso.Instant(StoreNow);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text("SELECT started_at FROM runs"), Is.EqualTo(expected), "run start");
            Assert.That(Text("SELECT created_at FROM write_batches"), Is.EqualTo(expected), "journal batch");
            Assert.That(Text("SELECT completed_at FROM write_entries"), Is.EqualTo(expected), "journal entry");
            Assert.That(Text("SELECT written_at FROM last_written_fields"), Is.EqualTo(expected), "last written");
            Assert.That(Text("SELECT reserved_at FROM intervention_tasks"), Is.EqualTo(expected), "task reservation");
        }
    }

    private string Text(string sql)
    {
        using var connection = Raw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }
}
