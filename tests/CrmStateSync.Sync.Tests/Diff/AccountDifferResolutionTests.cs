using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Diff;
using CrmStateSync.Sync.Ownership;

namespace CrmStateSync.Sync.Tests.Diff;

/// <summary>sync.md: an admin resolves an open conflict with `conflicts resolve ID --keep crm|engine`; the next diff obeys.</summary>
public class AccountDifferResolutionTests
{
    private static readonly string Field = ManagedField.State(CsState.GoalClarity);

    private static AccountPlan Diff(ResolvedKeep keep, StateValue computed) =>
        new AccountDiffer(new OwnershipOptions { States = OwnershipPolicy.Review }).Diff(
            "001",
            new Dictionary<string, object?> { [Field] = computed },
            new Dictionary<string, string?> { [Field] = "Reset" },
            new Dictionary<string, string?> { [Field] = "Hit" },
            new Dictionary<string, PriorConflict> { [Field] = new("Reset", "Hit", ConflictAction.Open, keep) },
            null);

    [Test]
    public void Diff_ResolvedKeepEngine_WritesTheComputedValueWithoutANewConflict()
    {
        var plan = Diff(ResolvedKeep.Engine, StateValue.Hit);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Writes.Single().Text, Is.EqualTo("Hit"));
            Assert.That(plan.Conflicts, Is.Empty);
        });
    }

    [Test]
    public void Diff_ResolvedKeepCrm_LeavesTheHumanValueWithoutANewConflict() =>
        Assert.That(Diff(ResolvedKeep.Crm, StateValue.Hit).IsEmpty, Is.True);

    [Test]
    public void Diff_ResolvedKeepCrmThenTheComputedValueChanges_WritesAgain() =>
        Assert.That(Diff(ResolvedKeep.Crm, StateValue.Slipping).Writes.Single().Text, Is.EqualTo("Slipping"));
}
