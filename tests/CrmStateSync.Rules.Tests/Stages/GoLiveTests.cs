using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Stages;
using static CrmStateSync.Rules.Configuration.DefaultRules;

namespace CrmStateSync.Rules.Tests.Stages;

/// <summary>rules.md §8 "Go-live": no last-written value, so no manual move; the computed stage replaces the CRM value.</summary>
public class GoLiveTests
{
    private static EvaluationResult Evaluate(AccountSnapshot snapshot) => RulesEngine.Default.Evaluate(snapshot, Some.AsOf);

    /// <summary>A record the worker never wrote, holding <paramref name="crmStage"/> in the CRM.</summary>
    private static AccountSnapshot NeverWritten(AccountSnapshot snapshot, string? crmStage) =>
        snapshot with { Managed = snapshot.Managed with { Stage = crmStage }, LastWritten = null };

    [TestCase(Onboarding, TestName = "rules.md §8 go-live: a CRM stage ahead of the computed one is replaced and recorded as Backfill \"replaced at go-live\"")]
    [TestCase("Expanding", TestName = "rules.md §8 go-live: an unknown CRM value is replaced and recorded as Backfill \"replaced at go-live\"")]
    public void Evaluate_GoLive_ComputedStageReplacesTheCrmValue(string crmStage)
    {
        var result = Evaluate(NeverWritten(Some.BareCustomer(wonDaysAgo: 100), crmStage));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.ManualMove, Is.Null);
            Assert.That(result.Stage.Stage, Is.EqualTo(NewCustomer));
            Assert.That(result.Stage.LastWritten.Stage, Is.EqualTo(NewCustomer));
            Assert.That(result.Stage.Transitions, Has.Some.Matches<Transition>(t =>
                t.From == crmStage && t.To == NewCustomer && t.Source == StageSource.Backfill && t.Reason == "replaced at go-live"));
        }
    }

    [Test(Description = "rules.md §8 go-live: no manual move is detected, so a CRM stage later than the computed one is not a backward-move conflict")]
    public void Evaluate_GoLiveWithLaterCrmStage_TakesTheComputedStageWithoutConflict()
    {
        var snapshot = NeverWritten(Some.BareCustomer(wonDaysAgo: 100) with { KickoffOn = Some.DaysAgo(90) }, Healthy);

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.ManualMove, Is.Null);
            Assert.That(result.Stage.Stage, Is.EqualTo(Onboarding));
            Assert.That(result.Stage.Transitions, Has.Some.Matches<Transition>(t => t.From == Healthy && t.Source == StageSource.Backfill));
        }
    }

    [Test(Description = "rules.md §8 go-live: when the CRM already holds the computed stage nothing is replaced")]
    public void Evaluate_GoLiveWithMatchingCrmStage_RecordsNoReplacement()
    {
        var result = Evaluate(NeverWritten(Some.BareCustomer(wonDaysAgo: 100), NewCustomer));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(NewCustomer));
            Assert.That(result.Stage.Transitions, Has.None.Matches<Transition>(t => t.Reason == "replaced at go-live"));
        }
    }

    [Test(Description = "rules.md §8 when the stage is derived afresh at go-live the entry dates are derived afresh too")]
    public void Evaluate_GoLiveWithOldEntryDates_DerivesEntryDatesAfresh()
    {
        var snapshot = NeverWritten(Some.BareCustomer(wonDaysAgo: 100) with { KickoffOn = Some.DaysAgo(90) }, Onboarding);
        snapshot = snapshot with { Managed = snapshot.Managed with { StageEntryDates = Some.StageStamps((NewCustomer, 500), (Onboarding, 400)) } };

        var result = Evaluate(snapshot);

        Assert.That(result.Stage.EntryDates, Is.EqualTo(Some.StageStamps((NewCustomer, 100), (Onboarding, 90))));
    }

    [Test(Description = "rules.md §8 go-live: an account with no won opportunity has no stage; the CRM value is recorded as replaced")]
    public void Evaluate_GoLiveWithoutWonOpportunity_ClearsTheStage()
    {
        var result = Evaluate(NeverWritten(Some.Account(), Healthy));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.Null);
            Assert.That(result.Stage.Transitions, Has.Some.Matches<Transition>(t => t.From == Healthy && t.To == null && t.Reason == "replaced at go-live"));
        }
    }

    [Test(Description = "rules.md §8 reactivation at go-live: an account that churned and was won back before go-live starts as a customer on the reactivating close date")]
    public void Evaluate_GoLiveAfterChurnAndWinBack_StampsNewCustomerOnTheReactivatingCloseDate()
    {
        var snapshot = NeverWritten(Some.Account("won-back") with
        {
            Opportunities =
            [
                Some.Won(Some.DaysAgo(700), contractEnd: Some.DaysAgo(335), id: "first"),
                Some.Won(Some.DaysAgo(200), id: "second"),
            ],
            // Kickoff of the first life of the account: facts before the reactivation do not count for progression.
            KickoffOn = Some.DaysAgo(690),
        }, null);

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(NewCustomer));
            Assert.That(result.Stage.EntryDates[NewCustomer], Is.EqualTo(Some.DaysAgo(200)));
        }
    }
}
