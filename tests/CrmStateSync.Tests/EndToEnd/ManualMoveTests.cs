using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Store;
using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// rules.md §3 "Manual moves": "forward moves are accepted … any move with a non-empty overrideReason is accepted
/// (admin override; the worker clears the override field after applying it). Anything else — a backward move like
/// Healthy → Onboarding … — is rejected: logged in the conflict log with the rule it broke, and the stage is put back.
/// An accepted manual move is date-stamped like any other transition … and recorded with source Manual."
/// </summary>
public class ManualMoveTests
{
    [Test]
    public async Task RunCycle_BackwardManualMove_IsRevertedAndLoggedWithItsRule()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()]);
        await s.CycleAsync();
        s.HumanEdit("Steady Inc", (ManagedField.Stage, "Onboarding"));

        await s.CycleAsync();

        var conflict = (await ConflictsAsync(s)).Single();
        var history = await s.Store.HistoryAsync(s.IdOf("Steady Inc"), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(s.Value("Steady Inc", ManagedField.Stage), Is.EqualTo("Healthy"), "the stage is put back");
            Assert.That(conflict.Field, Is.EqualTo(ManagedField.Stage));
            Assert.That(conflict.Action, Is.EqualTo(ConflictAction.Reverted));
            Assert.That(conflict.CrmValue, Is.EqualTo("Onboarding"));
            Assert.That(conflict.Rule, Does.StartWith("BackwardMove"));
            Assert.That(history.Where(t => t.Source == StageSource.Manual), Is.Empty);
        });
    }

    [Test]
    public async Task RunCycle_ForwardManualMove_IsAcceptedStampedAndRecordedManual()
    {
        await using var s = await SyncScenario.StartAsync([E2e.NewCustomer()]);
        await s.CycleAsync();
        s.HumanEdit("Fresh Co", (ManagedField.Stage, "Onboarding"));

        await s.CycleAsync();
        await s.CycleAsync();

        var history = await s.Store.HistoryAsync(s.IdOf("Fresh Co"), CancellationToken.None);
        var manual = history.Where(t => t.Source == StageSource.Manual).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(s.Value("Fresh Co", ManagedField.Stage), Is.EqualTo("Onboarding"), "kept");
            Assert.That(s.Value("Fresh Co", ManagedField.StageEntryDate("Onboarding")), Is.EqualTo(E2e.AsOf), "stamped on the day of the move");
            Assert.That(manual, Has.Count.EqualTo(1), "recorded once, not again on the next cycle");
            Assert.That(manual[0].From, Is.EqualTo("New Customer"));
            Assert.That(manual[0].To, Is.EqualTo("Onboarding"));
            Assert.That(manual[0].On, Is.EqualTo(E2e.AsOf));
        });
        var conflicts = await ConflictsAsync(s);
        Assert.That(conflicts.Where(c => c.Action == ConflictAction.Reverted), Is.Empty);
    }

    [Test]
    public async Task RunCycle_BackwardMoveWithOverrideReason_IsAppliedAndTheReasonCleared()
    {
        await using var s = await SyncScenario.StartAsync([E2e.Healthy()]);
        await s.CycleAsync();
        s.HumanEdit("Steady Inc", (ManagedField.Stage, "Onboarding"), (ManagedField.OverrideReason, "Customer restarted its rollout"));

        await s.CycleAsync();
        await s.CycleAsync();

        var history = await s.Store.HistoryAsync(s.IdOf("Steady Inc"), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(s.Value("Steady Inc", ManagedField.Stage), Is.EqualTo("Onboarding"), "the override applies any move");
            Assert.That(s.Value("Steady Inc", ManagedField.OverrideReason), Is.Null, "cleared after it was applied");
            Assert.That(history.Where(t => t.Source == StageSource.Manual).Select(t => (t.From, t.To)), Is.EqualTo(new[] { ("Healthy", "Onboarding") }));
        });
        Assert.That((await ConflictsAsync(s)).Where(c => c.Action == ConflictAction.Reverted), Is.Empty);
    }

    private static Task<IReadOnlyList<ConflictEntry>> ConflictsAsync(SyncScenario s) => s.Store.ListConflictsAsync(null, CancellationToken.None);
}
