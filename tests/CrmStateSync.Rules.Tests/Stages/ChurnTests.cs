using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using static CrmStateSync.Rules.Configuration.DefaultRules;

namespace CrmStateSync.Rules.Tests.Stages;

/// <summary>rules.md §3 Churned row and bullet, §8 "Stage" (a)/(b) churn and reactivation.</summary>
public class ChurnTests
{
    private static EvaluationResult Evaluate(AccountSnapshot snapshot, DateOnly? asOf = null) => RulesEngine.Default.Evaluate(snapshot, asOf ?? Some.AsOf);

    private static IEnumerable<TestCaseData> ChurnCases()
    {
        yield return Case("rules.md §8 Churned (a): every contract ended, dated by the latest end", 10,
            Some.Won(Some.DaysAgo(400), Some.DaysAgo(30), id: "nb"), Some.Won(Some.DaysAgo(40), Some.DaysAgo(10), OpportunityType.Renewal, "ren"));
        yield return Case("rules.md §8 Churned (a): a contract ending yesterday has ended", 1, Some.Won(Some.DaysAgo(400), Some.DaysAgo(1)));
        // Still active, but its end is a renewal today with most states not Hit: At-Risk, not Churned.
        yield return new TestCaseData(new[] { Some.Won(Some.DaysAgo(400), Some.AsOf) }, null, AtRisk)
            .SetName("rules.md §8 Churned (a): a contract ending today is still active");
        yield return Case("rules.md §8 Churned (b): the latest closed Renewal lost with nothing won after, dated by its close date", 20,
            Some.Won(Some.DaysAgo(400)), Some.Lost(Some.DaysAgo(20)));
        yield return Case("rules.md §8 Churned (a) and (b): the earlier date, the lost renewal first", 25,
            Some.Won(Some.DaysAgo(400), Some.DaysAgo(10)), Some.Lost(Some.DaysAgo(25)));
        yield return Case("rules.md §8 Churned (a) and (b): the earlier date, the contract end first", 30,
            Some.Won(Some.DaysAgo(400), Some.DaysAgo(30)), Some.Lost(Some.DaysAgo(20)));
        yield return Case("rules.md §8 Churned: an Expansion never creates a subscription", 10,
            Some.Won(Some.DaysAgo(400), Some.DaysAgo(10)), Some.Won(Some.DaysAgo(100), type: OpportunityType.Expansion, id: "exp"));
        // §8 third round: the first evaluation agrees with a day-by-day replay, which churned on the lost renewal's
        // close date before the Expansion was won; an Expansion does not reactivate.
        yield return Case("rules.md §8 go-live equals replay: an Expansion won after the lost renewal does not undo the churn a replay recorded on its close date", 30,
            Some.Won(Some.DaysAgo(400)), Some.Lost(Some.DaysAgo(30)), Some.Won(Some.DaysAgo(10), type: OpportunityType.Expansion, id: "exp"));
        yield return Case("rules.md §8 Churned (b): an Expansion won before the lost renewal does not prevent it", 30,
            Some.Won(Some.DaysAgo(400)), Some.Won(Some.DaysAgo(40), type: OpportunityType.Expansion, id: "exp"), Some.Lost(Some.DaysAgo(30)));
        yield return Case("rules.md §8 Churned (b): only the latest closed Renewal counts, a later won renewal prevents it", null,
            Some.Won(Some.DaysAgo(400)), Some.Lost(Some.DaysAgo(200)), Some.Won(Some.DaysAgo(100), type: OpportunityType.Renewal, id: "ren"));

        static TestCaseData Case(string name, int? churnedDaysAgo, params Opportunity[] opportunities) =>
            new TestCaseData(opportunities, churnedDaysAgo, churnedDaysAgo is null ? NewCustomer : Churned).SetName(name);
    }

    [TestCaseSource(nameof(ChurnCases))]
    public void Evaluate_SubscriptionEndedOrRenewalLost_ChurnsOnTheRightDate(Opportunity[] opportunities, int? churnedDaysAgo, string expectedStage)
    {
        var result = Evaluate(Some.Account() with { Opportunities = opportunities });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(expectedStage));
            Assert.That(result.Stage.EntryDates.TryGetValue(Churned, out var on) ? on : (DateOnly?)null,
                Is.EqualTo(churnedDaysAgo is { } d ? Some.DaysAgo(d) : (DateOnly?)null));
        }
    }

    [Test(Description = "rules.md §8 Churned ends a manual At-Risk")]
    public void Evaluate_ContractEndedWhileManuallyAtRisk_Churns()
    {
        var stamps = Some.StageStamps((NewCustomer, 200), (Onboarding, 190), (AtRisk, 3));
        var snapshot = (Some.BareCustomer(contractEnd: Some.DaysAgo(1)) with { AtRiskReason = "Budget cut" })
            .WithStageWritten(AtRisk, stamps, StageSource.Manual, Some.DaysAgo(3));

        AssertChurnedOn(Evaluate(snapshot), Some.DaysAgo(1));
    }

    [Test(Description = "rules.md §8 pin: automated rules do not move a manually set stage for 30 days, except into Churned")]
    public void Evaluate_ContractEndedWhilePinned_Churns()
    {
        var snapshot = Some.BareCustomer(contractEnd: Some.DaysAgo(1))
            .WithStageWritten(Onboarding, Some.StageStamps((NewCustomer, 200), (Onboarding, 3)), StageSource.Manual, Some.DaysAgo(3));

        AssertChurnedOn(Evaluate(snapshot), Some.DaysAgo(1));
    }

    [Test(Description = "rules.md §3 Churned is terminal: renewed usage without a new won opportunity does not move it")]
    public void Evaluate_ChurnedWithUsageButNoNewWin_StaysChurned()
    {
        var snapshot = ChurnedAccount() with
        {
            KickoffOn = Some.DaysAgo(5),
            Usage = [Some.Usage(Some.DaysAgo(1), activeUsers: 3, valueActions: 20, coreEvents: 5)],
        };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            AssertChurnedOn(result, Some.DaysAgo(60));
            Assert.That(result.Stage.Transitions, Is.Empty);
        }
    }

    [TestCase(OpportunityType.NewBusiness, TestName = "rules.md §3 reactivation: a NewBusiness won after the churn date → New Customer on its close date, other stamps cleared")]
    [TestCase(OpportunityType.Renewal, TestName = "rules.md §3 reactivation: a Renewal won after the churn date → New Customer on its close date, other stamps cleared")]
    public void Evaluate_WonAfterChurn_ReactivatesAsNewCustomer(OpportunityType type)
    {
        var result = Evaluate(ChurnedAccount(Some.Won(Some.DaysAgo(10), type: type, id: "win-back")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(NewCustomer));
            Assert.That(result.Stage.EntryDates, Is.EqualTo(Some.StageStamps((NewCustomer, 10))));
        }
    }

    [Test(Description = "rules.md §8 reactivation: the reactivating opportunity is the earliest won NewBusiness or Renewal after the churn date")]
    public void Evaluate_TwoWinsAfterChurn_ReactivatesOnTheEarliest()
    {
        var snapshot = ChurnedAccount(Some.Won(Some.DaysAgo(10), id: "later"), Some.Won(Some.DaysAgo(20), type: OpportunityType.Renewal, id: "earlier"));

        Assert.That(Evaluate(snapshot).Stage.EntryDates, Is.EqualTo(Some.StageStamps((NewCustomer, 20))));
    }

    [Test(Description = "rules.md §8 reactivation: an Expansion won after the churn date does not reactivate")]
    public void Evaluate_ExpansionWonAfterChurn_StaysChurned()
    {
        var result = Evaluate(ChurnedAccount(Some.Won(Some.DaysAgo(10), type: OpportunityType.Expansion, id: "exp")));

        AssertChurnedOn(result, Some.DaysAgo(60));
    }

    [Test(Description = "rules.md §3 reactivation: a win closed on the churn date is not after it and does not reactivate")]
    public void Evaluate_WonOnTheChurnDate_StaysChurned()
    {
        var result = Evaluate(ChurnedAccount(Some.Won(Some.DaysAgo(60), id: "same-day")));

        AssertChurnedOn(result, Some.DaysAgo(60));
    }

    [Test(Description = "rules.md §8 reactivation: progression then walks forward on facts after the reactivating close date only")]
    public void Evaluate_KickoffAfterReactivation_WalksOnToOnboarding()
    {
        var snapshot = ChurnedAccount(Some.Won(Some.DaysAgo(10), id: "win-back")) with { KickoffOn = Some.DaysAgo(5) };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Onboarding));
            Assert.That(result.Stage.EntryDates, Is.EqualTo(Some.StageStamps((NewCustomer, 10), (Onboarding, 5))));
        }
    }

    [Test(Description = "rules.md §8 reactivation: the next day the account stays New Customer; the pre-churn kickoff still does not count")]
    public void Evaluate_DayAfterReactivation_StaysNewCustomer()
    {
        var snapshot = ChurnedAccount(Some.Won(Some.DaysAgo(10), id: "win-back"));
        var nextDay = Evaluate(snapshot).Apply(snapshot);

        var result = Evaluate(nextDay, Some.DaysAhead(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(NewCustomer));
            Assert.That(result.Stage.EntryDates, Is.EqualTo(Some.StageStamps((NewCustomer, 10))));
            Assert.That(result.Stage.Transitions, Is.Empty);
        }
    }

    private static void AssertChurnedOn(EvaluationResult result, DateOnly churnedOn)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Churned));
            Assert.That(result.Stage.EntryDates[Churned], Is.EqualTo(churnedOn));
        }
    }

    /// <summary>Churned 60 days ago (the only contract ended then) after a full run; kickoff 395 days ago.</summary>
    private static AccountSnapshot ChurnedAccount(params Opportunity[] later)
    {
        var stamps = Some.StageStamps((NewCustomer, 400), (Onboarding, 395), (Adopting, 300), (Healthy, 250), (Churned, 60));
        return (Some.Account() with
        {
            Opportunities = [Some.Won(Some.DaysAgo(400), Some.DaysAgo(60), id: "first"), .. later],
            KickoffOn = Some.DaysAgo(395),
        }).WithStageWritten(Churned, stamps);
    }
}
