using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using static CrmStateSync.Rules.Configuration.DefaultRules;

namespace CrmStateSync.Rules.Tests.Stages;

/// <summary>rules.md §3 At-Risk row and bullet, §8 "Stage": risk signals, blocking, recovery, manual At-Risk.</summary>
public class AtRiskTests
{
    private static EvaluationResult Evaluate(AccountSnapshot snapshot) => RulesEngine.Default.Evaluate(snapshot, Some.AsOf);

    [TestCase(4, 2, true, TestName = "rules.md §3 At-Risk: 2 core events in the last 30 days vs 4 in the previous 30 (half) enters")]
    [TestCase(4, 3, false, TestName = "rules.md §3 At-Risk: 3 core events vs 4 (more than half) does not enter")]
    [TestCase(3, 1, true, TestName = "rules.md §3 At-Risk: previous 30 days exactly 3 core events counts")]
    [TestCase(6, 0, true, TestName = "rules.md §3 At-Risk: core events stopped after 6 in the previous 30 days enters")]
    [TestCase(2, 0, false, TestName = "rules.md §3 At-Risk: previous 30 days with 2 core events does not count")]
    public void Evaluate_CoreEventsHalved_EntersAtRisk(int previous30, int last30, bool entersAtRisk)
    {
        var usage = new List<UsageRow> { Some.Usage(Some.DaysAgo(30), coreEvents: previous30) };
        if (last30 > 0)
        {
            usage.Add(Some.Usage(Some.DaysAgo(29), coreEvents: last30));
        }

        var snapshot = Some.BareCustomer().WithStageWritten(Healthy, Some.StampsUpTo(Healthy)) with { Usage = usage };

        AssertAtRiskToday(Evaluate(snapshot), entersAtRisk, Healthy);
    }

    [TestCase(IntegrationStatus.Removed, true, TestName = "rules.md §3 At-Risk: integration Removed makes Daily-Work Integration Reset and enters")]
    [TestCase(IntegrationStatus.Broken, false, TestName = "rules.md §3 At-Risk: integration Broken (Slipping, not Reset) does not enter")]
    [TestCase(IntegrationStatus.None, false, TestName = "rules.md §3 At-Risk: never integrated is Reset but not by removal, does not enter")]
    public void Evaluate_IntegrationRemoved_EntersAtRisk(IntegrationStatus status, bool entersAtRisk)
    {
        var snapshot = HealthyAtHealthy(Some.HealthyCustomer() with { IntegrationStatus = status, IntegrationChangedOn = Some.DaysAgo(1) });

        AssertAtRiskToday(Evaluate(snapshot), entersAtRisk, Healthy);
    }

    [TestCase(0, true, TestName = "rules.md §8 At-Risk: renewal today (0 days) with 2+ states not Hit enters")]
    [TestCase(60, true, TestName = "rules.md §3 At-Risk: renewal in 60 days with 2+ states not Hit enters")]
    [TestCase(61, false, TestName = "rules.md §3 At-Risk: renewal in 61 days does not enter")]
    public void Evaluate_RenewalWithin60DaysAndStatesNotHit_EntersAtRisk(int renewalInDays, bool entersAtRisk)
    {
        // A bare customer has most states not Hit (never established).
        var snapshot = Some.BareCustomer(contractEnd: Some.DaysAhead(renewalInDays)).WithStageWritten(Healthy, Some.StampsUpTo(Healthy));

        AssertAtRiskToday(Evaluate(snapshot), entersAtRisk, Healthy);
    }

    [Test(Description = "rules.md §8 renewal date: an open Renewal closing within 60 days counts like a contract end")]
    public void Evaluate_OpenRenewalWithin60Days_EntersAtRisk()
    {
        var snapshot = Some.BareCustomer().WithStageWritten(Healthy, Some.StampsUpTo(Healthy)) with
        {
            Opportunities = [Some.Won(Some.DaysAgo(200)), Some.OpenRenewal(Some.DaysAhead(45))],
        };

        AssertAtRiskToday(Evaluate(snapshot), true, Healthy);
    }

    [TestCase(false, TestName = "rules.md §3 At-Risk: renewal in 30 days with one state not Hit does not enter")]
    [TestCase(true, TestName = "rules.md §3 At-Risk: renewal in 30 days with two states not Hit enters")]
    public void Evaluate_RenewalWithin60Days_NeedsTwoStatesNotHit(bool secondStateNotHit)
    {
        var snapshot = Some.HealthyCustomer() with
        {
            Opportunities = [Some.Won(Some.DaysAgo(300), Some.DaysAhead(30))],
            IntegrationStatus = IntegrationStatus.Broken,                              // Daily-Work Integration Slipping
            LastOutcomeOn = secondStateNotHit ? Some.DaysAgo(100) : Some.DaysAgo(20), // 100 days: Outcome Attribution Reset
        };

        AssertAtRiskToday(Evaluate(HealthyAtHealthy(snapshot)), secondStateNotHit, Healthy);
    }

    [Test(Description = "rules.md §8 in one evaluation the progression gates are walked first, then At-Risk is entered")]
    public void Evaluate_GateAndRiskSignalTogether_WalksThenEntersAtRisk()
    {
        var snapshot = Some.BareCustomer().WithStageWritten(Onboarding, Some.StampsUpTo(Onboarding)) with
        {
            IntegrationStatus = IntegrationStatus.Removed,
            IntegrationChangedOn = Some.DaysAgo(1),
            Usage = [Some.Usage(Some.DaysAgo(1), activeUsers: 1, valueActions: 10)],
        };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(AtRisk));
            Assert.That(result.Stage.Transitions.Select(t => (t.From, t.To, t.On)),
                Is.EqualTo(new (string?, string?, DateOnly)[] { (Onboarding, Adopting, Some.AsOf), (Adopting, AtRisk, Some.AsOf) }));
        }
    }

    [Test(Description = "rules.md §3 At-Risk overrides the progression stages while a risk signal holds (20 days in): no recovery, no progression underneath")]
    public void Evaluate_AtRiskWhileHealthyCriteriaHold_StaysAtRiskWithoutHealthyStamp()
    {
        var snapshot = AtRiskFor(20, Some.HealthyCustomer() with { IntegrationStatus = IntegrationStatus.Removed, IntegrationChangedOn = Some.DaysAgo(20) });

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(AtRisk));
            Assert.That(result.Stage.EntryDates, Does.Not.ContainKey(Healthy));
            Assert.That(result.Stage.Transitions, Is.Empty);
        }
    }

    [TestCase(13, false, TestName = "rules.md §3 At-Risk recovery: 13 days after entry with no risk signal stays At-Risk")]
    [TestCase(14, true, TestName = "rules.md §3 At-Risk recovery: 14 days after entry with no risk signal returns to the stage held before")]
    public void Evaluate_NoRiskSignal_RecoversAfter14Days(int daysAtRisk, bool recovers)
    {
        var result = Evaluate(AtRiskFor(daysAtRisk, Some.AdoptingCustomer()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(recovers ? Adopting : AtRisk));
            Assert.That(result.Stage.EntryDates[Adopting], Is.EqualTo(recovers ? Some.AsOf : Some.DaysAgo(250)));
        }
    }

    [Test(Description = "rules.md §8 At-Risk recovery returns to the progression stage with the latest entry date, stamped with the recovery date")]
    public void Evaluate_Recovery_ReturnsToTheLatestEnteredProgressionStage()
    {
        var stamps = Some.StageStamps((NewCustomer, 300), (Onboarding, 295), (Adopting, 250), (Healthy, 200), (AtRisk, 20));
        // Healthy's criterion no longer holds (onboarding not complete): the return is by the stamp, not by the criterion.
        var snapshot = Some.AdoptingCustomer().WithStageWritten(AtRisk, stamps);

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Healthy));
            Assert.That(result.Stage.EntryDates[Healthy], Is.EqualTo(Some.AsOf));
            Assert.That(result.Stage.EntryDates[Adopting], Is.EqualTo(Some.DaysAgo(250)));
        }
    }

    [Test(Description = "rules.md §3 At-Risk recovery walks forward from the stage held before")]
    public void Evaluate_RecoveryWhileHealthyCriteriaHold_WalksOnToHealthy()
    {
        var result = Evaluate(AtRiskFor(20, Some.HealthyCustomer()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Healthy));
            Assert.That(result.Stage.EntryDates[Adopting], Is.EqualTo(Some.AsOf));
            Assert.That(result.Stage.EntryDates[Healthy], Is.EqualTo(Some.AsOf));
            Assert.That(result.Stage.Transitions.Select(t => (t.From, t.To)),
                Is.EqualTo(new (string?, string?)[] { (AtRisk, Adopting), (Adopting, Healthy) }));
        }
    }

    [Test(Description = "rules.md §3 a manual At-Risk is cleared only by a manual move, never recovers automatically")]
    public void Evaluate_ManualAtRiskWithoutRiskSignal_StaysAtRisk()
    {
        var stamps = Some.StageStamps((NewCustomer, 300), (Onboarding, 295), (Adopting, 250), (Healthy, 200), (AtRisk, 40));
        var snapshot = (Some.HealthyCustomer() with { AtRiskReason = "Champion is leaving" })
            .WithStageWritten(AtRisk, stamps, StageSource.Manual, Some.DaysAgo(40));

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(AtRisk));
            Assert.That(result.Stage.Transitions, Is.Empty);
        }
    }

    [Test(Description = "rules.md §8 At-Risk applies only to accounts that have a won opportunity")]
    public void Evaluate_NearRenewalWithoutWonOpportunity_HasNoStage()
    {
        var snapshot = Some.Account() with { Opportunities = [Some.OpenRenewal(Some.DaysAhead(30))] };

        Assert.That(Evaluate(snapshot).Stage.Stage, Is.Null);
    }

    private static void AssertAtRiskToday(EvaluationResult result, bool entersAtRisk, string otherwise)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(entersAtRisk ? AtRisk : otherwise));
            Assert.That(result.Stage.EntryDates.TryGetValue(AtRisk, out var on) ? on : (DateOnly?)null, Is.EqualTo(entersAtRisk ? Some.AsOf : (DateOnly?)null));
        }
    }

    /// <summary>A <see cref="Some.HealthyCustomer"/>-shaped account written at Healthy (New Customer 300 days ago … Healthy 200).</summary>
    private static AccountSnapshot HealthyAtHealthy(AccountSnapshot snapshot) =>
        snapshot.WithStageWritten(Healthy, Some.StageStamps((NewCustomer, 300), (Onboarding, 295), (Adopting, 250), (Healthy, 200)));

    /// <summary>Written at an automated At-Risk entered <paramref name="days"/> days ago, held Adopting before.</summary>
    private static AccountSnapshot AtRiskFor(int days, AccountSnapshot snapshot) =>
        snapshot.WithStageWritten(AtRisk, Some.StageStamps((NewCustomer, 300), (Onboarding, 295), (Adopting, 250), (AtRisk, days)));
}
