using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Store.Tests;

public class JournalTests : StoreTestBase
{
    private static readonly LastWritten Adopting = new() { Stage = "Adopting", StageSource = StageSource.Automated, StageSetOn = Some.Day("2026-03-02") };

    [Test]
    public async Task BeginBatch_NotCompletedBeforeACrash_IsPendingAfterReopen()
    {
        var store = await OpenAsync();
        var batch = await store.BeginBatchAsync([Write("001", Adopting), Write("002")], Ct);
        await CloseAsync(store);

        var reopened = await OpenAsync();
        var pending = await reopened.PendingEntriesAsync(Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pending.Select(p => (p.BatchId, p.AccountId)), Is.EqualTo(new[] { (batch, "001"), (batch, "002") }));
            Assert.That(pending[0].Values, Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["stage"] = "Adopting", ["stageEntryDate:Adopting"] = "2026-03-02", ["timeToValueDays"] = "61", ["milestoneStalled"] = "false", ["overrideReason"] = null,
            }));
            Assert.That(pending[0].Stage, Is.EqualTo(Adopting));
            Assert.That(await reopened.GetLastWrittenAsync("001", Ct), Is.Null, "nothing is last-written before the CRM confirms");
        }
    }

    [Test]
    public async Task CompleteBatch_Success_MarksDoneAndUpdatesLastWrittenTogether()
    {
        var store = await OpenAsync();
        var batch = await store.BeginBatchAsync([Write("001", Adopting)], Ct);

        var completion = await store.CompleteBatchAsync(batch, [WriteResult.Ok("001")], Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(completion, Is.EqualTo(new BatchCompletion(1, 0, 0)));
            Assert.That(await store.PendingEntriesAsync(Ct), Is.Empty);
            Assert.That(await store.GetLastWrittenAsync("001", Ct), Is.EqualTo(Adopting));
            Assert.That((await store.GetLastWrittenValuesAsync("001", Ct))["timeToValueDays"], Is.EqualTo("61"));
            Assert.That(Scalar("SELECT count(*) FROM write_batches WHERE completed_at IS NOT NULL"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task CompleteBatch_FailingInTheMiddle_ChangesNothing()
    {
        var store = await OpenAsync();
        var batch = await store.BeginBatchAsync([Write("001", Adopting)], Ct);
        using (var raw = Raw())
        using (var command = raw.CreateCommand())
        {
            // Make the last-written update fail after the entry was marked done in the same transaction.
            command.CommandText = "CREATE TRIGGER boom BEFORE INSERT ON last_written_stage BEGIN SELECT RAISE(ABORT, 'boom'); END";
            command.ExecuteNonQuery();
        }

        Assert.That(async () => await store.CompleteBatchAsync(batch, [WriteResult.Ok("001")], Ct), Throws.Exception);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await store.PendingEntriesAsync(Ct), Has.Count.EqualTo(1), "the entry is still pending");
            Assert.That(await store.GetLastWrittenValuesAsync("001", Ct), Is.Empty);
        }
    }

    [Test]
    public async Task CompleteBatch_Rejected_KeepsTheCrmErrorUntilALaterWriteSucceeds()
    {
        var store = await OpenAsync();
        var first = await store.BeginBatchAsync([Write("001"), Write("002")], Ct);
        var error = new CrmError("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record", ["Stage__c"]);

        var completion = await store.CompleteBatchAsync(first, [WriteResult.Failed("001", true, error), WriteResult.Ok("002"), WriteResult.Ok("999")], Ct);
        var rejected = await store.RejectedEntriesAsync(Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(completion, Is.EqualTo(new BatchCompletion(1, 1, 1)));
            Assert.That(rejected.Single().AccountId, Is.EqualTo("001"));
            Assert.That(rejected.Single().Transient, Is.True);
            Assert.That((rejected.Single().ErrorCode, rejected.Single().ErrorMessage), Is.EqualTo((error.Code, error.Message)));
            Assert.That(rejected.Single().Errors.Single().Fields, Is.EqualTo(new[] { "Stage__c" }));
            Assert.That(await store.GetLastWrittenValuesAsync("001", Ct), Is.Empty);
        }

        var retry = await store.BeginBatchAsync([Write("001")], Ct);
        await store.CompleteBatchAsync(retry, [WriteResult.Ok("001")], Ct);

        Assert.That(await store.RejectedEntriesAsync(Ct), Is.Empty);
    }

    [Test]
    public async Task CompleteBatch_PartialResults_LeaveTheRestPending()
    {
        var store = await OpenAsync();
        var batch = await store.BeginBatchAsync([Write("001"), Write("002")], Ct);

        await store.CompleteBatchAsync(batch, [WriteResult.Ok("001")], Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await store.PendingEntriesAsync(Ct)).Single().AccountId, Is.EqualTo("002"));
            Assert.That(Scalar("SELECT count(*) FROM write_batches WHERE completed_at IS NULL"), Is.EqualTo(1));
        }
    }

    private static JournalWrite Write(string accountId, LastWritten? stage = null) =>
        new(
            new AccountWrite(accountId, new Dictionary<string, object?>
            {
                [ManagedField.Stage] = "Adopting",
                [ManagedField.StageEntryDate("Adopting")] = Some.Day("2026-03-02"),
                [ManagedField.TimeToValueDays] = 61,
                [ManagedField.MilestoneStalled] = false,
                [ManagedField.OverrideReason] = null,
            }),
            stage);
}
