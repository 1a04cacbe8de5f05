using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Tests.EndToEnd;

/// <summary>
/// rules.md §3 "Every stage value carries a reason" and crm-schema.md (<c>Lifecycle_Stage_Reason__c</c>: why the stage
/// is what it is): after an accepted manual move the reason field says the stage was moved by hand, written with the
/// cycle that accepts the move even though the stage field needs no write; later cycles write nothing (sync.md step 3).
/// </summary>
public class ManualMoveReasonTests
{
    private static IEnumerable<TestCaseData> AcceptedMoves()
    {
        yield return new TestCaseData(E2e.Healthy(), new (string, object?)[] { (ManagedField.Stage, "At-Risk"), ("atRiskReason", "Budget freeze") },
            "At-Risk since 2026-06-01: moved by hand: Budget freeze").SetName("rules.md §3 manual moves: AtRiskWithReason, the reason names the CSM's At-Risk reason");
        yield return new TestCaseData(E2e.NewCustomer(), new (string, object?)[] { (ManagedField.Stage, "Onboarding") },
            "Onboarding since 2026-06-01: moved by hand from New Customer").SetName("rules.md §3 manual moves: ForwardMove, the reason says moved by hand");
        yield return new TestCaseData(E2e.Healthy(), new (string, object?)[] { (ManagedField.Stage, "Onboarding"), (ManagedField.OverrideReason, "Rollout restarted") },
            "Onboarding since 2026-06-01: moved by hand from Healthy, admin override: Rollout restarted")
            .SetName("rules.md §3 manual moves: AdminOverride, the reason names the override reason");
    }

    [TestCaseSource(nameof(AcceptedMoves))]
    public async Task RunCycle_AcceptedManualMove_WritesTheMovesReasonOnceAndNothingNextCycle(AccountSnapshot account, (string, object?)[] edit, string expectedReason)
    {
        await using var s = await SyncScenario.StartAsync([account]);
        await s.CycleAsync();
        s.HumanEdit(account.Name!, edit);

        await s.CycleAsync();
        var afterMove = s.Text(account.Name!, ManagedField.StageReason);
        s.Requests.Clear();
        var next = await s.CycleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(afterMove, Is.EqualTo(expectedReason), "written with the cycle that accepts the move");
            Assert.That(next.Summary.Written, Is.Zero, "no daily reason churn");
            Assert.That(s.Requests.Writes, Is.Zero, string.Join("\n", s.Requests.All));
            Assert.That(s.Text(account.Name!, ManagedField.StageReason), Is.EqualTo(expectedReason));
        });
    }
}
