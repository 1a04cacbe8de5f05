using CrmStateSync.Rules.Evaluation;
using static CrmStateSync.Rules.Configuration.DefaultRules;

namespace CrmStateSync.Rules.Tests.Stages;

/// <summary>rules.md §3 "every stage value carries a reason": reasons a CSM can read — the deal and dates that decided a
/// stage, and what is missing said in words (never a "none" placeholder).</summary>
public class StageReasonTextTests
{
    private static string Reason(Model.AccountSnapshot account) => RulesEngine.Default.Evaluate(account, Some.AsOf).Stage.Reason;

    [Test(Description = "rules.md §3 Onboarding by kickoff alone: the reason says no user is active yet")]
    public void Reason_OnboardingByKickoffOnly_SaysNoActiveUserYet()
    {
        Assert.That(Reason(Some.BareCustomer(100) with { KickoffOn = Some.DaysAgo(90) }),
            Is.EqualTo($"Onboarding since {Some.DaysAgo(90):yyyy-MM-dd}: kickoff held {Some.DaysAgo(90):yyyy-MM-dd}; no active user yet"));
    }

    [Test(Description = "rules.md §3 Onboarding by a first active user alone: the reason says no kickoff is recorded")]
    public void Reason_OnboardingByFirstActiveUserOnly_SaysNoKickoffRecorded()
    {
        Assert.That(Reason(Some.BareCustomer(100) with { Usage = [Some.Usage(Some.DaysAgo(80))] }),
            Is.EqualTo($"Onboarding since {Some.DaysAgo(80):yyyy-MM-dd}: first active user {Some.DaysAgo(80):yyyy-MM-dd}; no kickoff recorded"));
    }

    [Test(Description = "rules.md §8 Churned (b): the reason names the lost renewal and its date")]
    public void Reason_ChurnedByLostRenewal_NamesTheRenewal()
    {
        var account = Some.Account() with { Opportunities = [Some.Won(Some.DaysAgo(400)), Some.Lost(Some.DaysAgo(20), id: "ren-2026")] };

        Assert.That(Reason(account), Is.EqualTo($"{Churned} since {Some.DaysAgo(20):yyyy-MM-dd}: no active subscription: renewal ren-2026 lost {Some.DaysAgo(20):yyyy-MM-dd} with nothing won after it"));
    }

    [Test(Description = "rules.md §3 New Customer: the reason names the deal and its close date")]
    public void Reason_NewCustomer_NamesTheDeal()
    {
        Assert.That(Reason(Some.BareCustomer(5)), Is.EqualTo($"{NewCustomer} since {Some.DaysAgo(5):yyyy-MM-dd}: deal opp-1 won {Some.DaysAgo(5):yyyy-MM-dd} with an active subscription"));
    }
}
