using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>The same scenarios through the real HubSpot connector (batch update, picklist options; archived companies: <see cref="HubSpotReadCallTests"/>).</summary>
public class HubSpotTests
{
    private const string Crm = "hubspot";

    [Test]
    public async Task RunCycle_HubSpotTwoCycles_WritesTheComputedValuesThenNothing()
    {
        await using var s = await SyncScenario.StartAsync([E2e.NewCustomer(), E2e.BrokenIntegration()], crm: Crm);

        var first = await s.CycleAsync();
        var writes = s.Requests.Writes;
        var second = await s.CycleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.Summary.Outcome, Is.EqualTo("ok"), first.Summary.ToString());
            Assert.That(writes, Is.EqualTo(1), "two companies in one batch update");
            Assert.That(s.Requests.Writes, Is.EqualTo(1), "the second cycle sends no write");
            Assert.That(second.Summary.Conflicts, Is.Zero, "the worker's own echo is not a human edit");
            Assert.That(s.Text("Fresh Co", ManagedField.Stage), Is.EqualTo("New Customer"));
            Assert.That(s.Text("Fresh Co", ManagedField.StageEntryDate("New Customer")), Is.EqualTo("2026-05-25"));
            Assert.That(s.Text("Cracked Ltd", ManagedField.Stage), Is.EqualTo("Healthy"));
            Assert.That(s.Text("Cracked Ltd", ManagedField.StageEntryDate("Onboarding")), Is.EqualTo("2025-08-10"));
            Assert.That(s.Text("Cracked Ltd", ManagedField.State(CsState.DailyWorkIntegration)), Is.EqualTo("Slipping"));
            Assert.That(s.Text("Cracked Ltd", ManagedField.Divergence), Is.EqualTo("Hidden risk: Daily-Work Integration Slipping"));
        });
    }

    [Test]
    public async Task RunCycle_HubSpotHumanStateEditAndBackwardMove_AreReverted()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()], crm: Crm);
        await s.CycleAsync();
        s.HumanEdit("Steady Inc", (ManagedField.State(CsState.GoalClarity), "slipping"), (ManagedField.Stage, "onboarding"));

        await s.CycleAsync();

        var conflicts = await s.Store.ListConflictsAsync(null, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(s.Text("Steady Inc", ManagedField.State(CsState.GoalClarity)), Is.EqualTo("Hit"));
            Assert.That(s.Text("Steady Inc", ManagedField.Stage), Is.EqualTo("Healthy"));
            Assert.That(conflicts.Select(c => c.Field).Order(StringComparer.Ordinal), Is.EqualTo(new[] { ManagedField.Stage, ManagedField.State(CsState.GoalClarity) }));
            Assert.That(conflicts.Select(c => c.Action), Is.All.EqualTo(ConflictAction.Reverted));
            Assert.That(conflicts.Single(c => c.Field == ManagedField.Stage).Rule, Does.StartWith("BackwardMove"));
        });
    }
}
