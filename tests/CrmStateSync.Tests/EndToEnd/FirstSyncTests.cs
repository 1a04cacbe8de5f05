using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// sync.md "A cycle", steps 1–5, through the sandbox: the first cycle computes and writes every managed value; a second
/// cycle with nothing changed writes nothing ("A second cycle with nothing changed in the CRM writes nothing").
/// </summary>
public class FirstSyncTests
{
    private static readonly DateOnly NewCustomerWon = E2e.DaysAgo(7);
    private static readonly DateOnly HealthyWon = E2e.DaysAgo(300);
    private static readonly DateOnly HealthyKickoff = E2e.DaysAgo(295);

    [Test]
    public async Task RunCycle_FirstSync_WritesStageEntryDatesStatesMilestonesAndDivergence()
    {
        await using var s = await SyncScenario.StartAsync([E2e.NewCustomer(), E2e.Healthy(), E2e.BrokenIntegration()]);

        var cycle = await s.CycleAsync();

        Assert.That(cycle.Summary.Outcome, Is.EqualTo("ok"), cycle.Summary.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(s.Value("Fresh Co", ManagedField.Stage), Is.EqualTo("New Customer"));
            Assert.That(s.Value("Fresh Co", ManagedField.StageEntryDate("New Customer")), Is.EqualTo(NewCustomerWon));
            Assert.That(s.Value("Fresh Co", ManagedField.StageEntryDate("Onboarding")), Is.Null);
            Assert.That(s.Value("Fresh Co", ManagedField.State(CsState.GoalClarity)), Is.EqualTo("Reset"), "no goal owner: never established");
            Assert.That(s.Value("Fresh Co", ManagedField.Divergence), Is.Null);
            Assert.That(s.Value("Fresh Co", ManagedField.MilestonesCompleted), Is.EqualTo(0d));
            Assert.That(s.Value("Fresh Co", ManagedField.MilestoneStalled), Is.EqualTo(false), "first milestone due 14 days after New Customer entry");

            Assert.That(s.Value("Steady Inc", ManagedField.Stage), Is.EqualTo("Healthy"));
            Assert.That(s.Value("Steady Inc", ManagedField.StageEntryDate("New Customer")), Is.EqualTo(HealthyWon));
            Assert.That(s.Value("Steady Inc", ManagedField.StageEntryDate("Onboarding")), Is.EqualTo(HealthyKickoff), "kickoff is earlier than the first usage");
            Assert.That(s.Value("Steady Inc", ManagedField.StageEntryDate("Adopting")), Is.EqualTo(E2e.AsOf), "the first as-of date the condition held");
            Assert.That(s.Value("Steady Inc", ManagedField.StageEntryDate("Healthy")), Is.EqualTo(E2e.AsOf));
            foreach (var state in CsStates.All)
            {
                Assert.That(s.Value("Steady Inc", ManagedField.State(state)), Is.EqualTo("Hit"), state.Label());
            }

            Assert.That(s.Value("Steady Inc", ManagedField.StateVerified(CsState.ValueActionAdoption)), Is.EqualTo(E2e.AsOf), "the newest usage row");
            Assert.That(s.Value("Steady Inc", ManagedField.StateVerified(CsState.OutcomeAttribution)), Is.EqualTo(E2e.DaysAgo(20)), "the last outcome");
            Assert.That(s.Value("Steady Inc", ManagedField.Divergence), Is.Null, "stage and states agree");
            Assert.That(s.Value("Steady Inc", ManagedField.Milestone("first_user_active")), Is.EqualTo(E2e.AsOf));
            Assert.That(s.Value("Steady Inc", ManagedField.Milestone("first_project")), Is.Null, "no project was ever created");
            Assert.That(s.Value("Steady Inc", ManagedField.MilestonesCompleted), Is.EqualTo(1d));
            Assert.That(s.Value("Steady Inc", ManagedField.NextMilestone), Is.EqualTo("First project created"));

            Assert.That(s.Value("Cracked Ltd", ManagedField.Stage), Is.EqualTo("Healthy"));
            Assert.That(s.Value("Cracked Ltd", ManagedField.State(CsState.DailyWorkIntegration)), Is.EqualTo("Slipping"), "integration Broken");
            Assert.That(s.Value("Cracked Ltd", ManagedField.StateVerified(CsState.DailyWorkIntegration)), Is.EqualTo(E2e.DaysAgo(5)), "the day it broke");
            Assert.That(s.Value("Cracked Ltd", ManagedField.Divergence), Is.EqualTo("Hidden risk: Daily-Work Integration Slipping"));
        });
    }

    [Test(Description = "One clock (issue 14, item 4): the run row holds the cycle's start and finish as the engine's clock gave them, not the store's own reading of the system clock")]
    public async Task RunCycle_RunRow_IsStampedWithTheWorkersClock()
    {
        await using var s = await SyncScenario.StartAsync([E2e.NewCustomer()]);
        var noon = new DateTimeOffset(E2e.AsOf.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc));

        var cycle = await s.CycleAsync();

        var run = (await s.Store.RecentRunsAsync(1, CancellationToken.None)).Single();
        Assert.That((run.StartedAt, run.FinishedAt, cycle.Summary.StartedAt, cycle.Summary.FinishedAt), Is.EqualTo((noon, (DateTimeOffset?)noon, noon, noon)));
    }

    [Test]
    public async Task RunCycle_SecondSyncNothingChanged_SendsNoWriteRequest()
    {
        await using var s = await SyncScenario.StartAsync([E2e.NewCustomer(), E2e.Healthy(), E2e.BrokenIntegration()]);
        var first = await s.CycleAsync();
        Assert.That(s.Requests.Writes, Is.EqualTo(1), "three accounts fit in one composite call");
        s.Requests.Clear();

        var second = await s.CycleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.Summary.Written, Is.EqualTo(3));
            Assert.That(s.Requests.Writes, Is.Zero, string.Join("\n", s.Requests.All));
            Assert.That(s.Requests.TaskCreations, Is.Zero);
            Assert.That(second.Summary.Written, Is.Zero);
            Assert.That(second.Summary.Conflicts, Is.Zero, "the worker's own echo is not a human edit");
            Assert.That(second.Summary.Transitions, Is.Zero);
        });
    }
}
