using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// rules.md §7: interventions "are edge-triggered — raised once on entry … and, where configured, become tasks in the
/// CRM for the account owner, one open task per account and kind"; sync.md step 5: "A record the CRM rejects … is
/// recorded with the CRM's error code and message, retried on the next cycle when the error is transient, and never
/// silently dropped"; step 6: a restart resumes "with … no duplicate write or task".
/// </summary>
public class TaskAndRetryTests
{
    private const string Account = "Steady Inc";

    [Test]
    public async Task RunCycle_StateEntersEscalation_CreatesOneTaskEvenAcrossARestart()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()]);
        await s.CycleAsync();
        Assert.That(s.Table("Task").Count, Is.Zero, "go-live raises no intervention");
        s.HumanEdit(Account, ("integrationStatus", "Broken"), ("integrationChangedOn", E2e.AsOf));
        // The state write is refused once, so the CRM still says Hit and the next evaluation sees the entry again.
        s.Sandbox.Salesforce.FailWrites(s.IdOf(Account), "UNABLE_TO_LOCK_ROW", 1);

        var second = await s.CycleAsync();
        await s.RestartAsync();
        var third = await s.CycleAsync();

        var tasks = s.Table("Task").Ordered();
        var open = await s.Store.OpenTasksAsync(s.IdOf(Account), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(second.Accounts.Single().Result.Interventions.Select(i => i.Kind), Does.Contain(InterventionKind.IntegrationEscalation));
            Assert.That(second.Summary.Tasks, Is.EqualTo(1));
            Assert.That(third.Summary.Tasks, Is.Zero, "the restart does not create it again");
            Assert.That(tasks, Has.Count.EqualTo(1));
            Assert.That(s.Requests.TaskCreations, Is.EqualTo(1));
            Assert.That(open.Select(t => (t.Kind, t.CrmTaskId)), Is.EqualTo(new[] { (InterventionKind.IntegrationEscalation, (string?)tasks[0].Id) }));
            Assert.That(s.Value(Account, ManagedField.State(CsState.DailyWorkIntegration)), Is.EqualTo("Slipping"));
        });
    }

    [Test]
    public async Task RunCycle_TransientRejection_IsJournaledWithTheCrmCodeAndRetriedNextCycle()
    {
        // The refused account and its children are not the newest records, so the read overlap at the cursor does not bring it back by chance.
        await using var s = await SyncScenario.StartAsync([E2e.Healthy(), E2e.Healthy("Other Inc")]);
        s.Sandbox.Salesforce.FailWrites(s.IdOf(Account), "UNABLE_TO_LOCK_ROW", 1);

        var first = await s.CycleAsync();
        var rejected = await s.Store.RejectedEntriesAsync(CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(first.Summary.Rejected, Is.EqualTo(1));
            Assert.That(first.Summary.Outcome, Is.EqualTo("partial"));
            Assert.That(rejected.Select(e => (e.AccountId, e.ErrorCode, e.Transient)), Is.EqualTo(new[] { (s.IdOf(Account), (string?)"UNABLE_TO_LOCK_ROW", true) }));
            Assert.That(s.Value(Account, ManagedField.Stage), Is.Null, "nothing landed");
        });

        var second = await s.CycleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(second.Summary.Written, Is.EqualTo(1), "retried on the next cycle");
            Assert.That(second.Summary.Outcome, Is.EqualTo("ok"));
            Assert.That(s.Value(Account, ManagedField.Stage), Is.EqualTo("Healthy"));
            Assert.That(await s.Store.RejectedEntriesAsync(CancellationToken.None), Is.Empty, "the landed write supersedes the rejection");
        }
    }

    [Test]
    public async Task RunCycle_RejectedAccountDeletedBeforeTheRetry_RejectionIsSupersededNotRetriedForever()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy(), E2e.Healthy("Other Inc")]);
        var refused = s.IdOf(Account);
        s.Sandbox.Salesforce.FailWrites(refused, "UNABLE_TO_LOCK_ROW", 1);
        await s.CycleAsync();
        s.Delete("Account", refused);

        var afterDelete = await s.CycleAsync();
        var later = await s.CycleAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await s.Store.RejectedEntriesAsync(CancellationToken.None), Is.Empty, "nothing is left to retry for an account that is gone");
            Assert.That(await s.Store.DirtyAccountsAsync(CancellationToken.None), Is.Empty);
            Assert.That(afterDelete.Summary.Written, Is.Zero);
            Assert.That(later.Summary.Evaluated, Is.Zero, "not looked at again every cycle");
        }
    }
}
