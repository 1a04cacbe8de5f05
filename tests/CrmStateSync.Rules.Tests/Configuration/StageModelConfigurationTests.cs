using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Stages;
using static CrmStateSync.Rules.Configuration.DefaultRules;

namespace CrmStateSync.Rules.Tests.Configuration;

/// <summary>rules.md §3 "the stage model is configuration" and §8 "Usage and settings": per-segment thresholds.</summary>
public class StageModelConfigurationTests
{
    private static readonly CompiledRules EnterpriseAdoptsAt20 = RulesCompiler.Compile(new RulesOptions
    {
        Segments = new(StringComparer.OrdinalIgnoreCase) { ["enterprise"] = new() { ["ValueActionThreshold"] = 20 } },
    });

    private static readonly CompiledRules TwoStageModel = RulesCompiler.Compile(new RulesOptions
    {
        StageModel = new StageModelOptions
        {
            Stages =
            [
                new StageOptions { Name = "Customer", Criterion = "HasClosedWon && ActiveSubscription", EntryDate = "FirstClosedWonOn" },
                new StageOptions { Name = "Active", Criterion = "ValueActions14d >= 1" },
            ],
        },
        Divergence = new DivergenceOptions { HiddenRiskStages = ["Active"], AheadOfStageStages = ["Customer"] },
    });

    [TestCase("enterprise", Onboarding, TestName = "rules.md §8 per-segment override: 15 value actions do not reach the enterprise Adopting threshold of 20")]
    [TestCase("smb", Adopting, TestName = "rules.md §8 per-segment override: another segment keeps the base Adopting threshold of 10")]
    [TestCase(null, Adopting, TestName = "rules.md §8 per-segment override: an account without a segment keeps the base threshold")]
    public void Evaluate_SegmentOverride_ChangesTheAdoptingThresholdForThatSegmentOnly(string? segment, string expected)
    {
        var snapshot = Some.BareCustomer(wonDaysAgo: 60)
            .WithStageWritten(Onboarding, Some.StageStamps((NewCustomer, 60), (Onboarding, 50))) with
        {
            Segment = segment,
            Usage = [Some.Usage(Some.DaysAgo(1), activeUsers: 1, valueActions: 15)],
        };

        Assert.That(new RulesEngine(EnterpriseAdoptsAt20).Evaluate(snapshot, Some.AsOf).Stage.Stage, Is.EqualTo(expected));
    }

    [Test(Description = "rules.md §8 every threshold may be overridden per segment; the base values stay")]
    public void ThresholdsFor_SegmentOverride_AppliesToThatSegmentOnly()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(EnterpriseAdoptsAt20.ThresholdsFor("enterprise").ValueActionThreshold, Is.EqualTo(20));
            Assert.That(EnterpriseAdoptsAt20.ThresholdsFor("smb").ValueActionThreshold, Is.EqualTo(10));
            Assert.That(EnterpriseAdoptsAt20.ThresholdsFor("enterprise").AtRiskRecoveryDays, Is.EqualTo(14));
        }
    }

    [Test(Description = "rules.md §3 other stage models are expressible in configuration alone: a two-stage model")]
    public void Compile_TwoStageModel_WritesOnlyItsOwnLabels()
    {
        Assert.That(TwoStageModel.StageLabels, Is.EqualTo(new[] { "Customer", "Active" }));
    }

    [Test(Description = "rules.md §3 a configured model enters its first stage on its configured entry date")]
    public void Evaluate_TwoStageModel_EntersTheCustomerStage()
    {
        var result = new RulesEngine(TwoStageModel).Evaluate(Some.BareCustomer(wonDaysAgo: 30), Some.AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo("Customer"));
            Assert.That(result.Stage.EntryDates, Is.EqualTo(new Dictionary<string, DateOnly> { ["Customer"] = Some.DaysAgo(30) }));
        }
    }

    [Test(Description = "rules.md §3 a configured model walks its own gates forward, stamping the as-of date")]
    public void Evaluate_TwoStageModel_WalksToTheSecondStage()
    {
        var snapshot = Some.BareCustomer(wonDaysAgo: 30) with { Usage = [Some.Usage(Some.DaysAgo(2), valueActions: 1)] };

        var result = new RulesEngine(TwoStageModel).Evaluate(snapshot, Some.AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo("Active"));
            Assert.That(result.Stage.EntryDates, Is.EqualTo(new Dictionary<string, DateOnly> { ["Customer"] = Some.DaysAgo(30), ["Active"] = Some.AsOf }));
            Assert.That(result.Divergence.Text, Does.StartWith("Hidden risk: "));
        }
    }

    [Test(Description = "rules.md §3 manual moves follow the configured progression order: Active → Customer is backward")]
    public void Evaluate_TwoStageModelBackwardMove_IsRejected()
    {
        var snapshot = Some.BareCustomer(wonDaysAgo: 30)
            .WithStageWritten("Active", new Dictionary<string, DateOnly> { ["Customer"] = Some.DaysAgo(30), ["Active"] = Some.DaysAgo(10) })
            .WithStageSetByHand("Customer");

        var result = new RulesEngine(TwoStageModel).Evaluate(snapshot, Some.AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.ManualMove?.Rule, Is.EqualTo(ManualMoveRule.BackwardMove));
            Assert.That(result.Stage.Stage, Is.EqualTo("Active"));
        }
    }
}
