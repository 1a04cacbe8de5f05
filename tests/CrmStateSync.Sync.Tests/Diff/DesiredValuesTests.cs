using CrmStateSync.Crm.Contract;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Sync.Tests.Diff;

public class DesiredValuesTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 23);

    private static AccountSnapshot NewCustomer(string? overrideReason = null) => new()
    {
        Id = "001A",
        Opportunities = [new Opportunity { Id = "o", IsClosed = true, IsWon = true, CloseDate = AsOf.AddDays(-3), Type = OpportunityType.NewBusiness }],
        OverrideReason = overrideReason,
    };

    [Test]
    public void From_Evaluation_HasEveryManagedFieldWithNullForStagesNotReached()
    {
        var values = DesiredValues.From(RulesEngine.Default.Evaluate(NewCustomer(), AsOf), CompiledRules.Default);

        Assert.Multiple(() =>
        {
            Assert.That(values[ManagedField.Stage], Is.EqualTo("New Customer"));
            Assert.That(values[ManagedField.StageEntryDate("New Customer")], Is.EqualTo(AsOf.AddDays(-3)));
            Assert.That(values[ManagedField.StageEntryDate("Healthy")], Is.Null, "a stage never reached clears its date field");
            Assert.That(values[ManagedField.State(CsState.DailyWorkIntegration)], Is.EqualTo(StateValue.Reset));
            Assert.That(values[ManagedField.StateVerified(CsState.DailyWorkIntegration)], Is.Null);
            Assert.That(values[ManagedField.Milestone("first_user_active")], Is.Null);
            Assert.That(values[ManagedField.MilestonesCompleted], Is.Zero);
            Assert.That(values[ManagedField.Divergence], Is.Null, "no divergence clears the field");
            Assert.That(values, Does.Not.ContainKey(ManagedField.OverrideReason), "the override reason is written only to clear an applied override");
        });
    }

    [Test]
    public void From_AppliedOverride_ClearsTheOverrideReason()
    {
        var snapshot = NewCustomer("approved by the CS director") with
        {
            Managed = new ManagedValues { Stage = "Healthy" },
            LastWritten = new LastWritten { Stage = "New Customer", StageSetOn = AsOf.AddDays(-3) },
        };

        var values = DesiredValues.From(RulesEngine.Default.Evaluate(snapshot, AsOf), CompiledRules.Default);

        Assert.That(values, Does.ContainKey(ManagedField.OverrideReason).WithValue(null));
    }
}
