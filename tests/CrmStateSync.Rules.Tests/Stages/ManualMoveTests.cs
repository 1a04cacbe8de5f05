using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using static CrmStateSync.Rules.Configuration.DefaultRules;

namespace CrmStateSync.Rules.Tests.Stages;

/// <summary>rules.md §3 "Manual moves" and §8 "Stage": detection, validation (each <see cref="ManualMoveRule"/>), stamping, pin.</summary>
public class ManualMoveTests
{
    private static EvaluationResult Evaluate(AccountSnapshot snapshot, DateOnly? asOf = null) => RulesEngine.Default.Evaluate(snapshot, asOf ?? Some.AsOf);

    /// <summary>A bare customer the worker wrote at <paramref name="stage"/> (stamps of <see cref="Some.StampsUpTo"/>).</summary>
    private static AccountSnapshot WrittenAt(string stage) => Some.BareCustomer().WithStageWritten(stage, Some.StampsUpTo(stage));

    [Test(Description = "rules.md §3 manual moves: a forward move is accepted, stamped on the as-of date, source Manual, and becomes the last-written value")]
    public void Evaluate_ForwardMove_IsAcceptedAndStampedOnAsOf()
    {
        var result = Evaluate(WrittenAt(Onboarding).WithStageSetByHand(Healthy));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.ManualMove, Is.Not.Null.And.Property(nameof(ManualMove.Accepted)).True);
            Assert.That(result.Stage.ManualMove!.Rule, Is.EqualTo(ManualMoveRule.ForwardMove));
            Assert.That(result.Stage.Stage, Is.EqualTo(Healthy));
            Assert.That(result.Stage.EntryDates[Healthy], Is.EqualTo(Some.AsOf));
            Assert.That(result.Stage.Transitions.Select(t => (t.From, t.To, t.On, t.Source)),
                Is.EqualTo(new (string?, string?, DateOnly, StageSource)[] { (Onboarding, Healthy, Some.AsOf, StageSource.Manual) }));
            Assert.That(result.Stage.LastWritten, Is.EqualTo(new LastWritten { Stage = Healthy, StageSource = StageSource.Manual, StageSetOn = Some.AsOf }));
        }
    }

    [Test(Description = "rules.md §8 an accepted move is stamped with the CRM's modification date when the connector has it")]
    public void Evaluate_ForwardMoveWithCrmChangeDate_IsStampedOnThatDate()
    {
        var result = Evaluate(WrittenAt(Onboarding).WithStageSetByHand(Adopting, changedOn: Some.DaysAgo(2)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Adopting));
            Assert.That(result.Stage.EntryDates[Adopting], Is.EqualTo(Some.DaysAgo(2)));
            Assert.That(result.Stage.LastWritten.StageSetOn, Is.EqualTo(Some.DaysAgo(2)));
        }
    }

    [Test(Description = "rules.md §8 an accepted move becomes the worker's own last-written value: the next day no manual move is detected")]
    public void Evaluate_DayAfterAcceptedMove_DetectsNoMove()
    {
        var snapshot = WrittenAt(Onboarding).WithStageSetByHand(Healthy);
        var nextDay = Evaluate(snapshot).Apply(snapshot);

        var result = Evaluate(nextDay, Some.DaysAhead(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.ManualMove, Is.Null);
            Assert.That(result.Stage.Stage, Is.EqualTo(Healthy));
            Assert.That(result.Stage.EntryDates[Healthy], Is.EqualTo(Some.AsOf));
        }
    }

    [Test(Description = "rules.md §3 manual moves: a backward move (Healthy → Onboarding) is rejected and the stage is put back")]
    public void Evaluate_BackwardMove_IsRejectedAndPutBack()
    {
        var snapshot = WrittenAt(Healthy).WithStageSetByHand(Onboarding);

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            AssertRejected(result, ManualMoveRule.BackwardMove, Healthy);
            Assert.That(result.Apply(snapshot).Managed.Stage, Is.EqualTo(Healthy));
            Assert.That(result.Stage.EntryDates, Is.EqualTo(Some.StampsUpTo(Healthy)));
        }
    }

    [TestCase(null, TestName = "rules.md §3 manual moves: At-Risk without a reason is rejected")]
    [TestCase("", TestName = "rules.md §3 manual moves: At-Risk with an empty reason is rejected")]
    [TestCase("   ", TestName = "rules.md §3 manual moves: At-Risk with a blank reason is rejected")]
    public void Evaluate_AtRiskWithoutReason_IsRejected(string? atRiskReason)
    {
        var snapshot = WrittenAt(Adopting).WithStageSetByHand(AtRisk) with { AtRiskReason = atRiskReason };

        AssertRejected(Evaluate(snapshot), ManualMoveRule.AtRiskWithoutReason, Adopting);
    }

    [Test(Description = "rules.md §3 manual moves: a move to At-Risk with a non-empty reason is accepted")]
    public void Evaluate_AtRiskWithReason_IsAccepted()
    {
        var snapshot = WrittenAt(Adopting).WithStageSetByHand(AtRisk) with { AtRiskReason = "Champion is leaving" };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            AssertAccepted(result, ManualMoveRule.AtRiskWithReason, AtRisk);
            Assert.That(result.Stage.EntryDates[AtRisk], Is.EqualTo(Some.AsOf));
            Assert.That(result.Stage.LastWritten.StageSource, Is.EqualTo(StageSource.Manual));
        }
    }

    [Test(Description = "rules.md §3 every stage value carries a reason: an accepted manual At-Risk says it was moved by hand and why")]
    public void Evaluate_AtRiskWithReason_ReasonIsTheManualMove()
    {
        var snapshot = WrittenAt(Adopting).WithStageSetByHand(AtRisk) with { AtRiskReason = " Champion is leaving " };

        var result = Evaluate(snapshot);

        Assert.That(result.Stage.Reason, Is.EqualTo("At-Risk since 2026-06-01: moved by hand: Champion is leaving"));
        Assert.That(result.Stage.Transitions.Single().Reason, Is.EqualTo(result.Stage.Reason), "the history keeps the same sentence");
    }

    [Test(Description = "rules.md §3 a manual At-Risk stays until cleared by hand: later evaluations restate the manual move, not a risk signal")]
    public void Evaluate_DayAfterManualAtRisk_RestatesTheManualMove()
    {
        var snapshot = WrittenAt(Adopting).WithStageSetByHand(AtRisk) with { AtRiskReason = "Champion is leaving" };
        var accepted = Evaluate(snapshot).Apply(snapshot);

        var result = Evaluate(accepted, Some.AsOf.AddDays(1));

        Assert.That(result.Stage.Reason, Is.EqualTo("At-Risk since 2026-06-01: moved by hand: Champion is leaving"));
    }

    [Test(Description = "rules.md §3 manual moves: a forward move's reason names the stage it left")]
    public void Evaluate_ForwardMove_ReasonSaysMovedByHand()
    {
        var result = Evaluate(WrittenAt(Onboarding).WithStageSetByHand(Healthy));

        Assert.That(result.Stage.Reason, Is.EqualTo("Healthy since 2026-06-01: moved by hand from Onboarding"));
    }

    [TestCase(NewCustomer, TestName = "rules.md §3 manual moves: At-Risk → New Customer is accepted as a manual clear")]
    [TestCase(Onboarding, TestName = "rules.md §3 manual moves: At-Risk → Onboarding is accepted as a manual clear")]
    [TestCase(Adopting, TestName = "rules.md §3 manual moves: At-Risk → Adopting is accepted as a manual clear")]
    [TestCase(Healthy, TestName = "rules.md §3 manual moves: At-Risk → Healthy is accepted as a manual clear")]
    public void Evaluate_MoveOutOfAtRisk_IsAcceptedAsClear(string to)
    {
        var stamps = Some.StageStamps((NewCustomer, 200), (Onboarding, 190), (Adopting, 150), (AtRisk, 5));
        var snapshot = Some.BareCustomer().WithStageWritten(AtRisk, stamps).WithStageSetByHand(to);

        AssertAccepted(Evaluate(snapshot), ManualMoveRule.AtRiskCleared, to);
    }

    [Test(Description = "rules.md §8 manual moves: a move into Churned is rejected without an override reason")]
    public void Evaluate_MoveIntoChurned_IsRejected()
    {
        AssertRejected(Evaluate(WrittenAt(Healthy).WithStageSetByHand(Churned)), ManualMoveRule.TerminalNeedsOverride, Healthy);
    }

    [Test(Description = "rules.md §8 manual moves: a move out of Churned is rejected without an override reason")]
    public void Evaluate_MoveOutOfChurned_IsRejected()
    {
        var snapshot = Some.BareCustomer(contractEnd: Some.DaysAgo(60))
            .WithStageWritten(Churned, Some.StageStamps((NewCustomer, 200), (Onboarding, 190), (Churned, 60)))
            .WithStageSetByHand(Onboarding);

        AssertRejected(Evaluate(snapshot), ManualMoveRule.TerminalNeedsOverride, Churned);
    }

    [TestCase(null, ManualMoveRule.ClearedNeedsOverride, TestName = "rules.md §8 manual moves: a cleared stage is rejected without an override")]
    [TestCase("", ManualMoveRule.ClearedNeedsOverride, TestName = "rules.md §8 manual moves: an empty stage is rejected as cleared")]
    [TestCase("Expanding", ManualMoveRule.UnknownStage, TestName = "rules.md §8 manual moves: an unknown stage value is rejected without an override")]
    public void Evaluate_ClearedOrUnknownStage_IsRejected(string? crmValue, ManualMoveRule rule)
    {
        AssertRejected(Evaluate(WrittenAt(Healthy).WithStageSetByHand(crmValue)), rule, Healthy);
    }

    [Test(Description = "rules.md §3 manual moves: an override reason accepts a backward move; the override field is cleared after")]
    public void Evaluate_BackwardMoveWithOverride_IsAcceptedAndClearsTheOverride()
    {
        var snapshot = WrittenAt(Healthy).WithStageSetByHand(Onboarding) with { OverrideReason = "Wrongly marked healthy" };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            AssertAccepted(result, ManualMoveRule.AdminOverride, Onboarding);
            Assert.That(result.Stage.ClearOverrideReason, Is.True);
            Assert.That(result.Apply(snapshot).OverrideReason, Is.Null);
        }
    }

    [Test(Description = "rules.md §8 manual moves: an override reason accepts a move into Churned")]
    public void Evaluate_MoveIntoChurnedWithOverride_IsAccepted()
    {
        var snapshot = WrittenAt(Healthy).WithStageSetByHand(Churned) with { OverrideReason = "Customer gave notice" };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            AssertAccepted(result, ManualMoveRule.AdminOverride, Churned);
            Assert.That(result.Stage.EntryDates[Churned], Is.EqualTo(Some.AsOf));
        }
    }

    [Test(Description = "rules.md §8 the override wins over the At-Risk reason rule")]
    public void Evaluate_AtRiskWithoutReasonWithOverride_IsAccepted()
    {
        var snapshot = WrittenAt(Adopting).WithStageSetByHand(AtRisk) with { OverrideReason = "Escalated by the VP" };

        AssertAccepted(Evaluate(snapshot), ManualMoveRule.AdminOverride, AtRisk);
    }

    [Test(Description = "rules.md §8 the override reason is cleared only when applied")]
    public void Evaluate_OverrideWithoutManualMove_KeepsTheOverride()
    {
        var snapshot = WrittenAt(Healthy) with { OverrideReason = "Pending" };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.ManualMove, Is.Null);
            Assert.That(result.Stage.ClearOverrideReason, Is.False);
            Assert.That(result.Apply(snapshot).OverrideReason, Is.EqualTo("Pending"));
        }
    }

    [TestCase(null, TestName = "rules.md §8 an override on a cleared stage derives the stage and entry dates afresh in the same evaluation")]
    [TestCase("Expanding", TestName = "rules.md §8 an override on an unknown stage derives the stage and entry dates afresh in the same evaluation")]
    public void Evaluate_OverrideOnClearedOrUnknownStage_DerivesAfresh(string? crmValue)
    {
        var snapshot = (Some.BareCustomer(wonDaysAgo: 50) with { KickoffOn = Some.DaysAgo(40), OverrideReason = "Recompute the stage" })
            .WithStageWritten(Adopting, Some.StageStamps((NewCustomer, 50), (Onboarding, 45), (Adopting, 20)))
            .WithStageSetByHand(crmValue);

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.ManualMove?.Rule, Is.EqualTo(ManualMoveRule.AdminOverride));
            Assert.That(result.Stage.Stage, Is.EqualTo(Onboarding));
            Assert.That(result.Stage.EntryDates, Is.EqualTo(Some.StageStamps((NewCustomer, 50), (Onboarding, 40))));
            Assert.That(result.Stage.ClearOverrideReason, Is.True);
        }
    }

    [Test(Description = "rules.md §3 manual moves: a stage set by hand on an account the worker had given none is accepted")]
    public void Evaluate_StageSetOnAccountWithoutStage_IsAccepted()
    {
        var snapshot = Some.BareCustomer(wonDaysAgo: 5).WithStageWritten(null, Some.StageStamps()).WithStageSetByHand(Onboarding);

        AssertAccepted(Evaluate(snapshot), ManualMoveRule.FirstStage, Onboarding);
    }

    [TestCase(29, Onboarding, TestName = "rules.md §8 pin: 29 days after a manual move the stage is still pinned")]
    [TestCase(30, Adopting, TestName = "rules.md §8 pin: 30 days after a manual move automated moves resume")]
    public void Evaluate_ManuallySetStage_IsPinnedFor30Days(int daysSinceSet, string expected)
    {
        var snapshot = Some.BareCustomer()
            .WithStageWritten(Onboarding, Some.StageStamps((NewCustomer, 200), (Onboarding, daysSinceSet)), StageSource.Manual, Some.DaysAgo(daysSinceSet)) with
        {
            Usage = [Some.Usage(Some.DaysAgo(1), activeUsers: 1, valueActions: 12)],
        };

        Assert.That(Evaluate(snapshot).Stage.Stage, Is.EqualTo(expected));
    }

    [TestCase(29, Healthy, TestName = "rules.md §8 pin: a pinned stage does not move into an automated At-Risk")]
    [TestCase(30, AtRisk, TestName = "rules.md §8 pin: after 30 days an automated At-Risk enters again")]
    public void Evaluate_ManuallySetStageWithRiskSignal_IsPinnedAgainstAtRisk(int daysSinceSet, string expected)
    {
        var snapshot = Some.BareCustomer()
            .WithStageWritten(Healthy, Some.StampsUpTo(Healthy), StageSource.Manual, Some.DaysAgo(daysSinceSet)) with
        {
            IntegrationStatus = IntegrationStatus.Removed,
            IntegrationChangedOn = Some.DaysAgo(40),
        };

        Assert.That(Evaluate(snapshot).Stage.Stage, Is.EqualTo(expected));
    }

    [TestCase(9, Onboarding, TestName = "rules.md §8 pin is configurable: ManualPinDays 10, 9 days after the move still pinned")]
    [TestCase(10, Adopting, TestName = "rules.md §8 pin is configurable: ManualPinDays 10, 10 days after the move automated moves resume")]
    public void Evaluate_ConfiguredPinDays_AreHonoured(int daysSinceSet, string expected)
    {
        var engine = new RulesEngine(RulesCompiler.Compile(new RulesOptions { Thresholds = new Thresholds { ManualPinDays = 10 } }));
        var snapshot = Some.BareCustomer()
            .WithStageWritten(Onboarding, Some.StageStamps((NewCustomer, 200), (Onboarding, daysSinceSet)), StageSource.Manual, Some.DaysAgo(daysSinceSet)) with
        {
            Usage = [Some.Usage(Some.DaysAgo(1), activeUsers: 1, valueActions: 12)],
        };

        Assert.That(engine.Evaluate(snapshot, Some.AsOf).Stage.Stage, Is.EqualTo(expected));
    }

    private static void AssertAccepted(EvaluationResult result, ManualMoveRule rule, string stage)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.ManualMove, Is.Not.Null);
            Assert.That(result.Stage.ManualMove?.Accepted, Is.True);
            Assert.That(result.Stage.ManualMove?.Rule, Is.EqualTo(rule));
            Assert.That(result.Stage.Stage, Is.EqualTo(stage));
            Assert.That(result.Stage.Transitions, Has.Some.Matches<Transition>(t => t.To == stage && t.Source == StageSource.Manual));
        }
    }

    private static void AssertRejected(EvaluationResult result, ManualMoveRule rule, string putBack)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.ManualMove, Is.Not.Null);
            Assert.That(result.Stage.ManualMove?.Accepted, Is.False);
            Assert.That(result.Stage.ManualMove?.Rule, Is.EqualTo(rule));
            Assert.That(result.Stage.ManualMove?.Reason, Is.Not.Empty);
            Assert.That(result.Stage.Stage, Is.EqualTo(putBack));
            Assert.That(result.Stage.LastWritten.Stage, Is.EqualTo(putBack));
            Assert.That(result.Stage.Transitions, Has.None.Matches<Transition>(t => t.Source == StageSource.Manual));
        }
    }
}
