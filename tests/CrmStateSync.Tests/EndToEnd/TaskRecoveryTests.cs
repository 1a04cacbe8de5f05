using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Engine;
using CrmStateSync.Sync.Ports;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// sync.md step 6: "A process killed at any point resumes on restart with … no duplicate write or task"; rules.md §7:
/// "one open task per account and kind". A kill between the store's reservation and the CRM's answer leaves a
/// reservation without a CRM id: the next cycle creates the task when the CRM never got it, and adopts it when it did.
/// </summary>
public class TaskRecoveryTests
{
    private const string Account = "Steady Inc";
    private const InterventionKind Kind = InterventionKind.AdoptionIntervention;
    private const string Title = "Adoption is slipping: run an adoption intervention";

    [TestCase("salesforce")]
    [TestCase("hubspot")]
    public async Task RunCycle_KilledAfterReservingBeforeCreating_CreatesTheTaskOnceOnTheNextCycle(string crm)
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()], crm: crm);
        await s.CycleAsync();
        var accountId = s.IdOf(Account);
        await s.Store.TryReserveTaskAsync(new TaskReservation(accountId, Kind, null, "usage fell 40% in 30 days", E2e.AsOf.AddDays(7)), CancellationToken.None);
        s.Requests.Clear();

        await s.RestartAsync();
        var next = await s.CycleAsync();
        var after = await s.CycleAsync();

        var task = s.Table("Task").Ordered().Single();
        var open = (await s.Store.OpenTasksAsync(accountId, CancellationToken.None)).Single();
        Assert.Multiple(() =>
        {
            Assert.That((next.Summary.Tasks, after.Summary.Tasks, s.Requests.TaskCreations), Is.EqualTo((1, 0, 1)), "created once, on the cycle after the kill");
            Assert.That(Subject(s, task), Is.EqualTo(Title + " " + TaskMarker.For(accountId, Kind)));
            Assert.That(task[crm == "hubspot" ? "hs_task_body" : "Description"], Is.EqualTo("usage fell 40% in 30 days"), "the reason kept with the reservation");
            Assert.That(open.CrmTaskId, Is.EqualTo(task.Id));
        });
    }

    [Test]
    public async Task RunCycle_CrmRefusesTheTask_CycleStillWritesAndTheReservationWaits()
    {
        // The account vanished from the CRM without a trace the cursor can see (a hard delete): the cache still has it,
        // and Salesforce refuses a task on it (INVALID_CROSS_REFERENCE_KEY).
        await using var s = await SyncScenario.StartAsync([E2e.Healthy(), E2e.NewCustomer()]);
        await s.CycleAsync();
        var accountId = s.IdOf(Account);
        await s.Store.TryReserveTaskAsync(new TaskReservation(accountId, Kind, null, "usage fell", E2e.AsOf.AddDays(7)), CancellationToken.None);
        s.Accounts.Purge(accountId);
        s.HumanEdit("Fresh Co", (ManagedField.Divergence, "typed by hand"));

        var next = await s.CycleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(next.Summary.Written, Is.EqualTo(1), "the refused task does not stop the cycle's writes (the divergence edit is reverted)");
            Assert.That(next.Summary.Tasks, Is.Zero);
            Assert.That((await s.Store.UnconfirmedTasksAsync(CancellationToken.None)).Select(t => t.AccountId), Is.EqualTo(new[] { accountId }), "kept for the next cycle");
        }
    }

    [Test]
    public async Task RunCycle_ReservationForADeletedAccount_IsClosedWithoutCallingTheCrm()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy(), E2e.NewCustomer()]);
        await s.CycleAsync();
        var accountId = s.IdOf(Account);
        await s.Store.TryReserveTaskAsync(new TaskReservation(accountId, Kind, null, "usage fell", E2e.AsOf.AddDays(7)), CancellationToken.None);
        s.Delete("Account", accountId);
        s.Requests.Clear();

        await s.CycleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await s.Store.UnconfirmedTasksAsync(CancellationToken.None), Is.Empty, "nothing left to retry");
            Assert.That(await s.Store.OpenTasksAsync(accountId, CancellationToken.None), Is.Empty, "the reservation is closed");
            // The task lookup is a SOQL `query` (the incremental pull uses `queryAll`); the creation posts to sobjects/Task.
            Assert.That((s.Requests.TaskLookups, s.Requests.TaskCreations), Is.EqualTo((0, 0)), "no lookup and no creation for an account that is gone");
        }
    }

    [TestCase("salesforce")]
    [TestCase("hubspot")]
    public async Task RunCycle_KilledAfterTheCrmCreatedTheTask_AdoptsItInsteadOfCreatingAnother(string crm)
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()], crm: crm);
        await s.CycleAsync();
        var accountId = s.IdOf(Account);
        var reservation = new TaskReservation(accountId, Kind, null, "usage fell", E2e.AsOf.AddDays(7));
        await s.Store.TryReserveTaskAsync(reservation, CancellationToken.None);
        await s.Store.MarkTasksSentAsync([reservation], CancellationToken.None); // as the engine does before every create
        var landed = (await s.Connector.CreateTaskAsync(
            new TaskRequest(accountId, null, Title, "usage fell", reservation.Due) { Marker = TaskMarker.For(accountId, Kind) }, CancellationToken.None)).TaskId;
        s.Requests.Clear();

        await s.RestartAsync();
        var next = await s.CycleAsync();

        var open = (await s.Store.OpenTasksAsync(accountId, CancellationToken.None)).Single();
        Assert.Multiple(() =>
        {
            Assert.That((next.Summary.Tasks, s.Requests.TaskCreations, s.Table("Task").Count), Is.EqualTo((0, 0, 1)), "no second task");
            Assert.That(open.CrmTaskId, Is.EqualTo(landed), "the store now knows the task's id");
        });
    }

    private static object? Subject(SyncScenario s, Sandbox.Data.SandboxRecord task) => task[s.Crm == "hubspot" ? "hs_task_subject" : "Subject"];
}
