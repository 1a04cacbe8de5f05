using CrmStateSync.Rules.Model;
using CrmStateSync.Sandbox;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// sync.md "Tasks exactly once": "Creating an intervention task is not idempotent, so no layer resends a create blindly:
/// when a create's answer is lost (reset, timeout, 5xx after it landed), the task is looked up by its marker before it is
/// sent again. Tasks are created in batches … and count against the same write budget share as field writes."
/// </summary>
public class TaskExactlyOnceTests
{
    private static readonly string[] Names = ["Alpha Co", "Beta Co", "Gamma Co"];

    [TestCase("salesforce")]
    [TestCase("hubspot")]
    public async Task RunCycle_AnswerLostAfterTheTasksLanded_EachTaskCreatedExactlyOnceAndAdoptedNextCycle(string crm)
    {
        await using var s = await StartBrokenAsync(crm);
        Drops(s).DropNext(1);
        s.Requests.Clear();

        var lost = await s.CycleAsync();
        var next = await s.CycleAsync();

        var tasks = s.Table("Task").Ordered();
        var open = await s.Store.OpenTasksAsync(null, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(Drops(s).Dropped, Is.EqualTo(1), "the batch create landed and its answer was lost");
            Assert.That(s.Requests.TaskCreations, Is.EqualTo(1), "one batch call for the three tasks, never resent");
            Assert.That(tasks, Has.Count.EqualTo(3), "one task per account: none duplicated");
            Assert.That((lost.Summary.Tasks, next.Summary.Tasks), Is.EqualTo((0, 0)), "the lost answer confirmed nothing; the next cycle adopts, creates nothing");
            Assert.That(open.Select(t => (t.Kind, t.CrmTaskId)), Is.EquivalentTo(tasks.Select(t => (InterventionKind.IntegrationEscalation, (string?)t.Id))),
                "the store knows each task's id after the lookup by marker");
            Assert.That(open.Select(t => t.MaybeCreated), Is.All.False);
        });
    }

    [TestCase("salesforce")]
    [TestCase("hubspot")]
    public async Task RunCycle_WriteBudgetShareUsed_TaskCreatesStopWithFieldWritesAndResumeNextCycle(string crm)
    {
        await using var s = await StartBrokenAsync(crm);
        // Other integrations have used 60% of the org's or portal's daily budget: above the 50% write share. HubSpot
        // says so in X-HubSpot-RateLimit-Daily-Remaining, Salesforce in Sforce-Limit-Info.
        SetDailyUse(s, 0.6);
        s.Requests.Clear();

        var held = await s.CycleAsync();
        var reservations = await s.Store.OpenTasksAsync(null, CancellationToken.None);
        var heldCreates = s.Requests.TaskCreations;
        SetDailyUse(s, 0); // a new day's budget
        s.Requests.Clear();
        var resumed = await s.CycleAsync();

        Assert.Multiple(() =>
        {
            Assert.That((held.Summary.Tasks, heldCreates, held.Summary.Written), Is.EqualTo((0, 0, 0)), "no task create and no field write past the share");
            Assert.That(reservations.Select(t => (t.CrmTaskId, t.MaybeCreated, t.LastErrorCode)), Is.All.EqualTo(((string?)null, false, (string?)"WRITE_BUDGET_SHARE")),
                "the reservations stay, journaled with the budget code");
            Assert.That((resumed.Summary.Tasks, s.Requests.TaskCreations, s.Table("Task").Count), Is.EqualTo((3, 1, 3)), "resumed next cycle in one batch");
            Assert.That(s.Requests.TaskLookups, Is.Zero, "a create that was never sent needs no lookup");
        });
    }

    [TestCase("salesforce", 2)]
    [TestCase("hubspot", 3)]
    public async Task RunCycle_250TasksRaised_CreatedInBatchCallsNotOneCallPerTask(string crm, int calls)
    {
        var names = Enumerable.Range(1, 250).Select(i => $"Account {i:D3}").ToArray();
        await using var s = await StartBrokenAsync(crm, names);
        s.Requests.Clear();

        var raised = await s.CycleAsync();

        Assert.Multiple(() =>
        {
            Assert.That((raised.Summary.Tasks, s.Table("Task").Count), Is.EqualTo((250, 250)));
            Assert.That(s.Requests.TaskCreations, Is.EqualTo(calls), "Salesforce 200 a call, HubSpot 100 a call");
        });
    }

    /// <summary>Three healthy accounts synced once; then their integrations break, so the next cycle raises an escalation task for each.</summary>
    private static async Task<SyncScenario> StartBrokenAsync(string crm, string[]? names = null)
    {
        var s = await SyncScenario.StartAsync((names ?? Names).Select(n => E2e.Healthy(n)), crm: crm);
        await s.CycleAsync();
        foreach (var name in names ?? Names)
        {
            s.HumanEdit(name, ("integrationStatus", crm == "hubspot" ? "broken" : "Broken"), ("integrationChangedOn", E2e.AsOf));
        }

        return s;
    }

    private static void SetDailyUse(SyncScenario s, double share)
    {
        if (s.Crm == "hubspot")
        {
            s.Sandbox.HubSpot.SetDailyUsed((long)(s.Sandbox.HubSpot.Options.HubSpotDailyLimit * share));
        }
        else
        {
            s.Sandbox.Salesforce.SetApiUsed((long)(s.Sandbox.Salesforce.Options.SalesforceDailyApiMax * share));
        }
    }

    private static AnswerDrops Drops(SyncScenario s) => s.Crm == "hubspot" ? s.Sandbox.HubSpot.TaskAnswerDrops : s.Sandbox.Salesforce.TaskAnswerDrops;
}
