using CrmStateSync.Rules.Evaluation;
using static CrmStateSync.Rules.Configuration.DefaultRules;

namespace CrmStateSync.Rules.Tests.Stages;

/// <summary>rules.md §3 "Derived numbers": days in current stage and time to value.</summary>
public class StageNumbersTests
{
    private static readonly IReadOnlyDictionary<string, DateOnly> Stamps =
        Some.StageStamps((NewCustomer, 100), (Onboarding, 90), (Adopting, 40), (Healthy, 10));

    [TestCase(NewCustomer, 100, null, TestName = "rules.md §3 derived numbers: New Customer 100 days, no time to value before Adopting")]
    [TestCase(Onboarding, 90, null, TestName = "rules.md §3 derived numbers: Onboarding 90 days, no time to value before Adopting")]
    [TestCase(Adopting, 40, 60, TestName = "rules.md §3 derived numbers: Adopting 40 days, time to value = Adopting − New Customer = 60")]
    [TestCase(Healthy, 10, 60, TestName = "rules.md §3 derived numbers: Healthy 10 days, time to value stays 60")]
    public void Evaluate_WrittenStage_DerivesDaysInStageAndTimeToValue(string stage, int daysInStage, int? timeToValue)
    {
        var entries = Stamps.Where(s => s.Value <= Stamps[stage]).ToDictionary(s => s.Key, s => s.Value);
        var snapshot = Some.BareCustomer(wonDaysAgo: 100).WithStageWritten(stage, entries);

        var result = RulesEngine.Default.Evaluate(snapshot, Some.AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(stage));
            Assert.That(result.Stage.DaysInStage, Is.EqualTo(daysInStage));
            Assert.That(result.Stage.TimeToValueDays, Is.EqualTo(timeToValue));
        }
    }

    [Test(Description = "rules.md §3 derived numbers: entering today is 0 days in stage; time to value from the first close date")]
    public void Evaluate_HealthyCustomerAtGoLive_DerivesNumbersFromFreshStamps()
    {
        var result = RulesEngine.Default.Evaluate(Some.HealthyCustomer(), Some.AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.DaysInStage, Is.Zero);
            Assert.That(result.Stage.TimeToValueDays, Is.EqualTo(300));
        }
    }

    [Test(Description = "rules.md §8 accounts with no won opportunity have no stage, so no derived numbers")]
    public void Evaluate_NoStage_HasNoDerivedNumbers()
    {
        var result = RulesEngine.Default.Evaluate(Some.Account(), Some.AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.DaysInStage, Is.Null);
            Assert.That(result.Stage.TimeToValueDays, Is.Null);
        }
    }
}
