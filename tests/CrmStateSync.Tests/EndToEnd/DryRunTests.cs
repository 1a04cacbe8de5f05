using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// sync.md: "<c>sync --once [--dry-run]</c> … <c>--dry-run</c> computes and prints the plan (writes and conflicts it
/// would make) without writing"; the engine: "A dry run reads and evaluates but writes nothing to the CRM, the journal or
/// the history."
/// </summary>
public class DryRunTests
{
    [Test]
    public async Task RunCycle_DryRunFirstCycle_SendsNoWriteAndReturnsThePlan()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()]);

        var cycle = await s.CycleAsync(dryRun: true);

        var plan = cycle.Accounts.Single().Plan;
        var stage = plan.Writes.Single(w => w.Field == ManagedField.Stage);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.Requests.Writes, Is.Zero);
            Assert.That(s.Requests.TaskCreations, Is.Zero);
            Assert.That((stage.CrmText, stage.Text), Is.EqualTo(((string?)null, "Healthy")), "field, CRM value, new value");
            Assert.That(plan.Writes.Single(w => w.Field == ManagedField.StageEntryDate("New Customer")).Text, Is.EqualTo("2025-08-05"));
            Assert.That(s.Value("Steady Inc", ManagedField.Stage), Is.Null, "the CRM is untouched");
            Assert.That(await s.Store.TransitionsSinceAsync(DateOnly.MinValue, CancellationToken.None), Is.Empty);
            Assert.That(await s.Store.RecentRunsAsync(5, CancellationToken.None), Is.Empty);
            Assert.That(await s.Store.PendingEntriesAsync(CancellationToken.None), Is.Empty, "nothing journaled");
        }
    }

    [Test]
    public async Task RunCycle_DryRunAfterHumanEdit_ReturnsTheConflictWithoutLoggingIt()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()]);
        await s.CycleAsync();
        var history = await s.Store.TransitionsSinceAsync(DateOnly.MinValue, CancellationToken.None);
        s.HumanEdit("Steady Inc", (ManagedField.State(CsState.GoalClarity), "Reset"));
        s.Requests.Clear();

        var cycle = await s.CycleAsync(dryRun: true);

        var plan = cycle.Accounts.Single().Plan;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(s.Requests.Writes, Is.Zero);
            Assert.That(plan.Conflicts.Select(c => (c.Field, c.CrmValue, c.EngineValue, c.Action)),
                Is.EqualTo(new[] { (ManagedField.State(CsState.GoalClarity), (string?)"Reset", (string?)"Hit", ConflictAction.Reverted) }));
            Assert.That(plan.Writes.Select(w => (w.Field, w.CrmText, w.Text)), Is.EqualTo(new[] { (ManagedField.State(CsState.GoalClarity), (string?)"Reset", (string?)"Hit") }));
            Assert.That(await s.Store.ListConflictsAsync(null, CancellationToken.None), Is.Empty, "a dry run logs nothing");
            Assert.That(await s.Store.TransitionsSinceAsync(DateOnly.MinValue, CancellationToken.None), Has.Count.EqualTo(history.Count));
            Assert.That(s.Value("Steady Inc", ManagedField.State(CsState.GoalClarity)), Is.EqualTo("Reset"), "the human value is still there");
        }
    }

    [Test]
    public async Task PlanAccounts_UnchangedAccount_EvaluatesItAloneAndRecordsNothing()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy(), E2e.NewCustomer()]);
        await s.CycleAsync();
        s.HumanEdit("Steady Inc", (ManagedField.State(CsState.GoalClarity), "Reset"));
        var runs = await s.Store.RecentRunsAsync(5, CancellationToken.None);
        s.Requests.Clear();

        var plan = await s.DryRunAsync(engine => engine.PlanAccountsAsync([s.IdOf("Fresh Co")], CancellationToken.None));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Accounts.Select(a => a.AccountId), Is.EqualTo(new[] { s.IdOf("Fresh Co") }), "only the asked account, though another changed");
            Assert.That(plan.Summary.DryRun, Is.True);
            Assert.That(s.Requests.Writes, Is.Zero);
            Assert.That(await s.Store.RecentRunsAsync(5, CancellationToken.None), Has.Count.EqualTo(runs.Count), "no run row");
            Assert.That(await s.Store.DirtyAccountsAsync(CancellationToken.None), Is.EqualTo(new[] { s.IdOf("Steady Inc") }), "the changed account is left for the next cycle");
        }
    }
}
