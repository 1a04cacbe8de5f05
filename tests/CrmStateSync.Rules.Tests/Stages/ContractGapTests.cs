using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Tests.GoLiveEqualsReplay;
using static CrmStateSync.Rules.Configuration.DefaultRules;

namespace CrmStateSync.Rules.Tests.Stages;

/// <summary>
/// rules.md §8 "Go-live equals replay": contract gaps are churn and reactivation, at go-live too. A gap of N days is N
/// days with no contract: the first contract ends on D1, the next deal closes on D1 + N + 1.
/// </summary>
public class ContractGapTests
{
    private static readonly DateOnly FirstClose = Some.DaysAgo(500);
    private static readonly DateOnly FirstEnd = Some.DaysAgo(100);

    private static AccountSnapshot WithGap(int gapDays, OpportunityType renewalType = OpportunityType.Renewal) => Some.Account("gap") with
    {
        Opportunities =
        [
            Some.Won(FirstClose, FirstEnd, id: "deal-first"),
            Some.Won(FirstEnd.AddDays(gapDays + 1), type: renewalType, id: "deal-second"),
        ],
        // Kickoff of the first life: it counts only if the account is still in that life.
        KickoffOn = FirstClose.AddDays(5),
    };

    [Test(Description = "rules.md §8 contract gaps: a gap of 0 days (the next deal closes the day after the end) is no churn; the life and New Customer stay with the first deal")]
    public void Evaluate_GoLiveGapOfZeroDays_KeepsTheFirstLife()
    {
        var result = RulesEngine.Default.Evaluate(WithGap(0), Some.AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Onboarding), "the first life's kickoff counts");
            Assert.That(result.Stage.EntryDates[NewCustomer], Is.EqualTo(FirstClose));
            Assert.That(result.Stage.Transitions[0].Reason, Is.EqualTo($"New Customer since {FirstClose:yyyy-MM-dd}: deal deal-first won {FirstClose:yyyy-MM-dd} with an active subscription"));
        }
    }

    [TestCase(OpportunityType.Renewal, TestName = "rules.md §8 contract gaps: a gap of 1 day is churn on the end and reactivation on the renewal's close, at go-live; the reason names the deal and both dates")]
    [TestCase(OpportunityType.NewBusiness, TestName = "rules.md §8 contract gaps: a gap of 1 day before a NewBusiness is churn and reactivation at go-live")]
    public void Evaluate_GoLiveGapOfOneDay_ReactivatesOnTheLaterClose(OpportunityType type)
    {
        var reactivatedOn = FirstEnd.AddDays(2);

        var result = RulesEngine.Default.Evaluate(WithGap(1, type), Some.AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(NewCustomer), "the first life's kickoff is before the reactivation and does not count");
            Assert.That(result.Stage.EntryDates, Is.EqualTo(new Dictionary<string, DateOnly> { [NewCustomer] = reactivatedOn }));
            Assert.That(result.Stage.Reason, Is.EqualTo(
                $"New Customer since {reactivatedOn:yyyy-MM-dd}: reactivated on {reactivatedOn:yyyy-MM-dd} after contracts ended {FirstEnd:yyyy-MM-dd}: deal deal-second won {reactivatedOn:yyyy-MM-dd}"));
        }
    }

    [TestCase(0, TestName = "rules.md §8 go-live equals replay: gap of 0 days, the first evaluation and a day-by-day replay agree on the life")]
    [TestCase(1, TestName = "rules.md §8 go-live equals replay: gap of 1 day, the first evaluation and a day-by-day replay agree on the life")]
    [TestCase(30, TestName = "rules.md §8 go-live equals replay: gap of 30 days, the first evaluation and a day-by-day replay agree on the life")]
    public void Evaluate_GoLiveAndReplay_AgreeOnTheLife(int gapDays)
    {
        var account = WithGap(gapDays);

        var goLive = RulesEngine.Default.Evaluate(account, Some.AsOf);
        var replay = DayByDay.Run(RulesEngine.Default, account, FirstClose, Some.AsOf).Final;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(goLive.Stage.Stage, Is.EqualTo(replay.Stage.Stage));
            Assert.That(goLive.Stage.EntryDates[NewCustomer], Is.EqualTo(replay.Stage.EntryDates[NewCustomer]));
        }
    }

    [Test(Description = "rules.md §8 contract gaps: a renewal closed on the day the contract ends overlaps it, so there is no gap and no churn")]
    public void Evaluate_RenewalClosedOnTheEndDate_IsNoChurn()
    {
        var account = WithGap(-1);

        Assert.That(RulesEngine.Default.Evaluate(account, Some.AsOf).Stage.EntryDates[NewCustomer], Is.EqualTo(FirstClose));
    }

    [Test(Description = "rules.md §8 reactivation after a lost renewal: the reason names the lost renewal and both dates")]
    public void Evaluate_GoLiveAfterLostRenewalAndWinBack_ReasonNamesTheLostRenewal()
    {
        var lostOn = Some.DaysAgo(200);
        var account = Some.Account("lost") with
        {
            Opportunities = [Some.Won(FirstClose, id: "deal-first"), Some.Lost(lostOn, id: "renewal-lost"), Some.Won(Some.DaysAgo(150), id: "deal-back")],
        };

        var result = RulesEngine.Default.Evaluate(account, Some.AsOf);

        Assert.That(result.Stage.Reason, Is.EqualTo(
            $"New Customer since {Some.DaysAgo(150):yyyy-MM-dd}: reactivated on {Some.DaysAgo(150):yyyy-MM-dd} after renewal renewal-lost was lost {lostOn:yyyy-MM-dd}: deal deal-back won {Some.DaysAgo(150):yyyy-MM-dd}"));
    }

    [Test(Description = "rules.md §8 reactivation in a live cycle: the reason names the deal, the reactivation date and the churn date")]
    public void Evaluate_LiveReactivation_ReasonNamesDealAndBothDates()
    {
        var churnedOn = Some.DaysAgo(60);
        var account = (Some.Account() with
        {
            Opportunities = [Some.Won(Some.DaysAgo(400), churnedOn, id: "first"), Some.Won(Some.DaysAgo(10), id: "win-back")],
        }).WithStageWritten(Churned, Some.StageStamps((NewCustomer, 400), (Churned, 60)));

        var result = RulesEngine.Default.Evaluate(account, Some.AsOf);

        Assert.That(result.Stage.Reason, Is.EqualTo(
            $"New Customer since {Some.DaysAgo(10):yyyy-MM-dd}: reactivated on {Some.DaysAgo(10):yyyy-MM-dd} after contracts ended {churnedOn:yyyy-MM-dd}: deal win-back won {Some.DaysAgo(10):yyyy-MM-dd}"));
    }
}
