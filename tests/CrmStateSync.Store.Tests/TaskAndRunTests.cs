using CrmStateSync.Rules.Model;

namespace CrmStateSync.Store.Tests;

public class TaskAndRunTests : StoreTestBase
{
    [Test]
    public async Task TryReserveTask_OpenOneAcrossAReopen_IsRefused()
    {
        var store = await OpenAsync();
        var first = await store.TryReserveTaskAsync(Some.Reservation("001", InterventionKind.OutcomeReview), Ct);
        await CloseAsync(store);

        var reopened = await OpenAsync();
        var again = await reopened.TryReserveTaskAsync(Some.Reservation("001", InterventionKind.OutcomeReview), Ct);
        var otherKind = await reopened.TryReserveTaskAsync(Some.Reservation("001", InterventionKind.ConfigurationReview), Ct);
        var otherAccount = await reopened.TryReserveTaskAsync(Some.Reservation("002", InterventionKind.OutcomeReview), Ct);

        Assert.That((first, again, otherKind, otherAccount), Is.EqualTo((true, false, true, true)));
    }

    [Test]
    public async Task SetTaskIdThenClose_AllowsANewReservation()
    {
        var store = await OpenAsync();
        await store.TryReserveTaskAsync(Some.Reservation("001", InterventionKind.MilestoneStalled), Ct);
        var reservedWithoutId = (await store.OpenTasksAsync(null, Ct)).Single();

        var set = await store.SetTaskIdAsync("001", InterventionKind.MilestoneStalled, "00T1", Ct);
        var open = (await store.OpenTasksAsync("001", Ct)).Single();
        var closed = await store.CloseTaskAsync("001", InterventionKind.MilestoneStalled, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reservedWithoutId.CrmTaskId, Is.Null, "a reservation interrupted before the CRM task shows without an id");
            Assert.That((set, open.CrmTaskId, open.Kind, closed), Is.EqualTo((true, "00T1", InterventionKind.MilestoneStalled, true)));
            Assert.That(await store.OpenTasksAsync(null, Ct), Is.Empty);
            Assert.That(await store.CloseTaskAsync("001", InterventionKind.MilestoneStalled, Ct), Is.False);
            Assert.That(await store.TryReserveTaskAsync(Some.Reservation("001", InterventionKind.MilestoneStalled), Ct), Is.True);
        }
    }

    [Test]
    public async Task UnconfirmedTasks_ReservedWithoutCrmId_ComeBackWithWhatTheySayAcrossAReopen()
    {
        var store = await OpenAsync();
        var interrupted = Some.Reservation("001", InterventionKind.AdoptionIntervention) with { OwnerId = "005A", Reason = "usage fell 40%", Due = new DateOnly(2026, 3, 9) };
        await store.TryReserveTaskAsync(interrupted, Ct);
        await store.TryReserveTaskAsync(Some.Reservation("002", InterventionKind.OutcomeReview), Ct);
        await store.SetTaskIdAsync("002", InterventionKind.OutcomeReview, "00T2", Ct);
        await CloseAsync(store);

        var reopened = await OpenAsync();
        var unconfirmed = await reopened.UnconfirmedTasksAsync(Ct);
        await reopened.SetTaskIdAsync("001", InterventionKind.AdoptionIntervention, "00T1", Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unconfirmed, Is.EqualTo(new[] { interrupted }), "only the one without an id, with owner, reason and due date");
            Assert.That(await reopened.UnconfirmedTasksAsync(Ct), Is.Empty, "recording the id confirms it");
        }
    }

    [Test]
    public async Task StartAndFinishRun_RecentRuns_NewestFirstWithCounts()
    {
        var store = await OpenAsync();
        var first = await store.StartRunAsync("backfill", Ct);
        await store.FinishRunAsync(first, "Succeeded", new RunCounts(Read: 10, Evaluated: 9, Written: 8, Rejected: 1, Conflicts: 2, ApiCalls: 12), Ct);
        var second = await store.StartRunAsync("sync", Ct);

        var runs = await store.RecentRunsAsync(5, Ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(runs.Select(r => r.Id), Is.EqualTo(new[] { second, first }));
            Assert.That((runs[0].Kind, runs[0].FinishedAt, runs[0].Outcome), Is.EqualTo(("sync", (DateTimeOffset?)null, (string?)null)));
            Assert.That(runs[1].Counts, Is.EqualTo(new RunCounts(10, 9, 8, 1, 2, 12)));
            Assert.That(runs[1].FinishedAt, Is.GreaterThanOrEqualTo(runs[1].StartedAt));
            Assert.That(await store.RecentRunsAsync(1, Ct), Has.Count.EqualTo(1));
            Assert.That(await store.FinishRunAsync(999, "Failed", new RunCounts(), Ct), Is.False);
        }
    }
}
