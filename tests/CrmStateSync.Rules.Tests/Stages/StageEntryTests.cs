using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using static CrmStateSync.Rules.Configuration.DefaultRules;

namespace CrmStateSync.Rules.Tests.Stages;

/// <summary>rules.md §3 stage table (progression rows) and §8 "Stage": entry criteria, entry dates, forward only.</summary>
public class StageEntryTests
{
    private static EvaluationResult Evaluate(AccountSnapshot snapshot) => RulesEngine.Default.Evaluate(snapshot, Some.AsOf);

    [Test(Description = "rules.md §3 New Customer: a won opportunity and an active subscription, stamped FirstClosedWonOn")]
    public void Evaluate_WonWithActiveSubscription_EntersNewCustomerOnFirstCloseDate()
    {
        var result = Evaluate(Some.BareCustomer(wonDaysAgo: 10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(NewCustomer));
            Assert.That(result.Stage.EntryDates, Is.EqualTo(Some.StageStamps((NewCustomer, 10))));
        }
    }

    private static IEnumerable<TestCaseData> NoWonOpportunity()
    {
        yield return new TestCaseData(Some.Account()).SetName("rules.md §8 no stage: an account without opportunities");
        yield return new TestCaseData(Some.Account() with { Opportunities = [Some.Lost(Some.DaysAgo(10), OpportunityType.NewBusiness)] })
            .SetName("rules.md §8 no stage: a lost new-business opportunity only");
        yield return new TestCaseData(Some.Account() with { Opportunities = [new Opportunity { Id = "open", Type = OpportunityType.NewBusiness, CloseDate = Some.DaysAhead(10) }] })
            .SetName("rules.md §8 no stage: an open opportunity only");
    }

    [TestCaseSource(nameof(NoWonOpportunity))]
    public void Evaluate_NoWonOpportunity_HasNoStage(AccountSnapshot snapshot)
    {
        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.Null);
            Assert.That(result.Stage.EntryDates, Is.Empty);
        }
    }

    [TestCase(8, null, 8, TestName = "rules.md §3 Onboarding: kickoff only, stamped with the kickoff")]
    [TestCase(null, 6, 6, TestName = "rules.md §3 Onboarding: an active user only, stamped with the first active usage")]
    [TestCase(8, 6, 8, TestName = "rules.md §3 Onboarding: kickoff before first usage, stamped with the kickoff")]
    [TestCase(6, 8, 8, TestName = "rules.md §3 Onboarding: first usage before kickoff, stamped with the first usage")]
    public void Evaluate_KickoffOrActiveUsage_EntersOnboardingOnTheEarlierDate(int? kickoffDaysAgo, int? firstActiveDaysAgo, int expectedDaysAgo)
    {
        var usage = new List<UsageRow> { Some.Usage(Some.DaysAgo(20), activeUsers: 0) };
        if (firstActiveDaysAgo is { } active)
        {
            usage.Add(Some.Usage(Some.DaysAgo(active), activeUsers: 1));
            usage.Add(Some.Usage(Some.DaysAgo(active - 1), activeUsers: 1));
        }

        var snapshot = Some.BareCustomer(wonDaysAgo: 30) with
        {
            KickoffOn = kickoffDaysAgo is { } k ? Some.DaysAgo(k) : null,
            Usage = usage,
        };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Onboarding));
            Assert.That(result.Stage.EntryDates[Onboarding], Is.EqualTo(Some.DaysAgo(expectedDaysAgo)));
        }
    }

    [Test(Description = "rules.md §3 Onboarding: usage rows with no active user do not start onboarding")]
    public void Evaluate_UsageWithoutActiveUsers_StaysNewCustomer()
    {
        var snapshot = Some.BareCustomer(wonDaysAgo: 30) with { Usage = [Some.Usage(Some.DaysAgo(3), activeUsers: 0, valueActions: 3)] };

        Assert.That(Evaluate(snapshot).Stage.Stage, Is.EqualTo(NewCustomer));
    }

    [TestCase(10, 0, true, TestName = "rules.md §3 Adopting: 10 value actions today enters")]
    [TestCase(10, 13, true, TestName = "rules.md §3 Adopting: 10 value actions on asOf-13 (first day of the last 14) enters")]
    [TestCase(10, 14, false, TestName = "rules.md §3 Adopting: 10 value actions on asOf-14 (outside the last 14 days) does not enter")]
    [TestCase(9, 0, false, TestName = "rules.md §3 Adopting: 9 value actions in 14 days does not enter")]
    public void Evaluate_ValueActionsInLast14Days_EntersAdoptingAtTen(int valueActions, int daysAgo, bool enters)
    {
        var snapshot = Some.BareCustomer(wonDaysAgo: 60)
            .WithStageWritten(Onboarding, Some.StageStamps((NewCustomer, 60), (Onboarding, 50))) with
        {
            Usage = [Some.Usage(Some.DaysAgo(daysAgo), activeUsers: 1, valueActions: valueActions)],
        };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(enters ? Adopting : Onboarding));
            Assert.That(result.Stage.EntryDates.TryGetValue(Adopting, out var on) ? on : (DateOnly?)null, Is.EqualTo(enters ? Some.AsOf : (DateOnly?)null));
        }
    }

    [Test(Description = "rules.md §3 every stage value carries a reason, e.g. \"Adopting since …: 14 value actions in the last 14 days ≥ 10\"")]
    public void Evaluate_EntersAdopting_ReasonStatesTheCriterion()
    {
        var snapshot = Some.BareCustomer(wonDaysAgo: 60)
            .WithStageWritten(Onboarding, Some.StageStamps((NewCustomer, 60), (Onboarding, 50))) with
        {
            Usage = [Some.Usage(Some.DaysAgo(2), valueActions: 6), Some.Usage(Some.DaysAgo(1), valueActions: 8)],
        };

        Assert.That(Evaluate(snapshot).Stage.Reason, Is.EqualTo("Adopting since 2026-06-01: 14 value actions in the last 14 days ≥ 10"));
    }

    [TestCase(true, 3, 2, true, TestName = "rules.md §3 Healthy: onboarding complete, 3 core events and 2 active users enters")]
    [TestCase(false, 3, 2, false, TestName = "rules.md §3 Healthy: onboarding not complete does not enter")]
    [TestCase(true, 2, 2, false, TestName = "rules.md §3 Healthy: 2 core events in 30 days does not enter")]
    [TestCase(true, 3, 1, false, TestName = "rules.md §3 Healthy: 1 active user does not enter")]
    public void Evaluate_HealthyCriterion_EntersHealthyOnlyWhenAllHold(bool onboardingComplete, int coreEvents, int activeUsers, bool enters)
    {
        var snapshot = AdoptingAccount() with
        {
            OnboardingCompleteOn = onboardingComplete ? Some.DaysAgo(20) : null,
            Usage = [Some.Usage(Some.DaysAgo(5), activeUsers: activeUsers, coreEvents: coreEvents)],
        };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(enters ? Healthy : Adopting));
            Assert.That(result.Stage.EntryDates.TryGetValue(Healthy, out var on) ? on : (DateOnly?)null, Is.EqualTo(enters ? Some.AsOf : (DateOnly?)null));
        }
    }

    [Test(Description = "rules.md §2 ActiveUsers30d is the max daily active users: two days with one user each is one, so Healthy does not enter")]
    public void Evaluate_OneActiveUserOnEachOfTwoDays_DoesNotEnterHealthy()
    {
        var snapshot = AdoptingAccount() with
        {
            OnboardingCompleteOn = Some.DaysAgo(20),
            Usage = [Some.Usage(Some.DaysAgo(5), activeUsers: 1, coreEvents: 2), Some.Usage(Some.DaysAgo(4), activeUsers: 1, coreEvents: 2)],
        };

        Assert.That(Evaluate(snapshot).Stage.Stage, Is.EqualTo(Adopting));
    }

    [Test(Description = "rules.md §3 forward only: several stages in one evaluation, each stage reached gets its own entry date")]
    public void Evaluate_SeveralGatesHoldAtOnce_WalksForwardStampingEachStage()
    {
        var snapshot = Some.BareCustomer(wonDaysAgo: 20).WithStageWritten(NewCustomer, Some.StageStamps((NewCustomer, 20))) with
        {
            KickoffOn = Some.DaysAgo(3),
            Usage = [Some.Usage(Some.DaysAgo(1), activeUsers: 2, valueActions: 12)],
        };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Adopting));
            Assert.That(result.Stage.EntryDates, Is.EqualTo(Some.StageStamps((NewCustomer, 20), (Onboarding, 3), (Adopting, 0))));
            Assert.That(result.Stage.Transitions.Select(t => (t.From, t.To, t.Source)),
                Is.EqualTo(new (string?, string?, StageSource)[] { (NewCustomer, Onboarding, StageSource.Automated), (Onboarding, Adopting, StageSource.Automated) }));
        }
    }

    [Test(Description = "rules.md §3 forward only: a first evaluation walks New Customer → Healthy, each with its own entry date")]
    public void Evaluate_HealthyCustomerAtGoLive_StampsAllFourProgressionStages()
    {
        var result = Evaluate(Some.HealthyCustomer());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Healthy));
            Assert.That(result.Stage.EntryDates, Is.EqualTo(Some.StageStamps((NewCustomer, 300), (Onboarding, 295), (Adopting, 0), (Healthy, 0))));
        }
    }

    [TestCase(Onboarding, TestName = "rules.md §3 forward only: Onboarding stays when kickoff and usage are gone")]
    [TestCase(Adopting, TestName = "rules.md §3 forward only: Adopting stays when value actions stop")]
    [TestCase(Healthy, TestName = "rules.md §3 forward only: Healthy stays when core events and users are gone")]
    public void Evaluate_InputsGetWorse_NeverMovesBackward(string stage)
    {
        var snapshot = Some.BareCustomer(wonDaysAgo: 200).WithStageWritten(stage, Some.StampsUpTo(stage));

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(stage));
            Assert.That(result.Stage.EntryDates, Is.EqualTo(Some.StampsUpTo(stage)));
            Assert.That(result.Stage.Transitions, Is.Empty);
        }
    }

    [Test(Description = "rules.md §8 progression considers only facts on or after the New Customer entry: trial usage and kickoff before the sale do not count")]
    public void Evaluate_TrialUsageBeforeTheSale_DoesNotProgress()
    {
        var snapshot = Some.BareCustomer(wonDaysAgo: 5) with
        {
            KickoffOn = Some.DaysAgo(12),
            Usage = [Some.Usage(Some.DaysAgo(10), activeUsers: 3, valueActions: 20)],
        };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(NewCustomer));
            Assert.That(result.Stage.EntryDates, Is.EqualTo(Some.StageStamps((NewCustomer, 5))));
        }
    }

    [Test(Description = "rules.md §8 progression facts filter: Onboarding is stamped with the first active usage after the sale, not the trial")]
    public void Evaluate_TrialUsageThenUsageAfterTheSale_StampsOnboardingFromTheSale()
    {
        var snapshot = Some.BareCustomer(wonDaysAgo: 5) with
        {
            Usage = [Some.Usage(Some.DaysAgo(10), activeUsers: 3, valueActions: 20), Some.Usage(Some.DaysAgo(3), activeUsers: 1)],
        };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Onboarding));
            Assert.That(result.Stage.EntryDates, Is.EqualTo(Some.StageStamps((NewCustomer, 5), (Onboarding, 3))));
        }
    }

    /// <summary>Written at Adopting by the worker (New Customer 100 days ago, Onboarding 90, Adopting 30).</summary>
    private static AccountSnapshot AdoptingAccount() => Some.BareCustomer(wonDaysAgo: 100)
        .WithStageWritten(Adopting, Some.StageStamps((NewCustomer, 100), (Onboarding, 90), (Adopting, 30)));
}
