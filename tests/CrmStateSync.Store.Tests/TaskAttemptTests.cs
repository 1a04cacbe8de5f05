using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Store.Tests;

/// <summary>
/// sync.md "Tasks exactly once": each task create is journaled on its reservation — maybe created before the call,
/// then its id, its refusal with the CRM's code and message, or a lost answer that keeps it "maybe created" so the next
/// cycle looks it up by marker before sending it again. All of it survives a reopen.
/// </summary>
public class TaskAttemptTests : StoreTestBase
{
    [Test]
    public async Task CompleteTasks_CreatedRefusedAndLost_EachJournaledOnItsReservationAcrossAReopen()
    {
        var store = await OpenAsync();
        var tasks = new[] { Some.Reservation("001", InterventionKind.OutcomeReview), Some.Reservation("002", InterventionKind.OutcomeReview), Some.Reservation("003", InterventionKind.OutcomeReview) };
        foreach (var task in tasks)
        {
            await store.TryReserveTaskAsync(task, Ct);
        }

        var fresh = await store.UnconfirmedTasksAsync(Ct);
        await store.MarkTasksSentAsync(tasks, Ct);
        var sent = await store.UnconfirmedTasksAsync(Ct);
        await store.CompleteTasksAsync(tasks,
        [
            TaskResult.Created("001", "00T1"),
            TaskResult.Refused("002", false, new CrmError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Tasks need an active owner", ["OwnerId"])),
            TaskResult.Unknown("003", new CrmError("ANSWER_LOST", "connection reset", [])),
        ], Ct);
        await CloseAsync(store);

        var reopened = await OpenAsync();
        var open = await reopened.OpenTasksAsync(null, Ct);
        var unconfirmed = await reopened.UnconfirmedTasksAsync(Ct);

        Assert.Multiple(() =>
        {
            Assert.That(fresh.Select(t => t.MaybeCreated), Is.All.False, "a reservation never sent needs no lookup");
            Assert.That(sent.Select(t => t.MaybeCreated), Is.All.True, "once sent, its fate is unknown until the answer");
            Assert.That(open.Select(t => (t.AccountId, t.CrmTaskId, t.MaybeCreated, t.Attempts, t.LastErrorCode, t.LastErrorMessage)), Is.EqualTo(new[]
            {
                ("001", (string?)"00T1", false, 1, (string?)null, (string?)null),
                ("002", null, false, 1, "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Tasks need an active owner"),
                ("003", null, true, 1, "ANSWER_LOST", "connection reset"),
            }));
            Assert.That(unconfirmed.Select(t => (t.AccountId, t.MaybeCreated)), Is.EqualTo(new[] { ("002", false), ("003", true) }));
        });
    }
}
