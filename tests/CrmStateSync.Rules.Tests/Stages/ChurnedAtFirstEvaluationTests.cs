using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Rules.Tests.GoLiveEqualsReplay;
using static CrmStateSync.Rules.Configuration.DefaultRules;

namespace CrmStateSync.Rules.Tests.Stages;

/// <summary>rules.md §8 "Go-live equals replay": churned at its first evaluation; a recovery does not start a new life.</summary>
public class ChurnedAtFirstEvaluationTests
{
    /// <summary>The rules with appsettings.example.json's Enterprise override: a 120-day outcome cycle.</summary>
    private static readonly RulesEngine Engine = new(RulesCompiler.Compile(new RulesOptions
    {
        Segments = new(StringComparer.OrdinalIgnoreCase) { ["Enterprise"] = new() { ["OutcomeCycleDays"] = 120 } },
        Milestones = new(StringComparer.OrdinalIgnoreCase)
        {
            ["default"] = [Some.Milestone("kickoff", "KickoffOn != null", 400, "Kickoff held"), Some.Milestone("outcome", "LastOutcomeOn != null", 400, "First outcome")],
        },
    }));

    private static readonly DateOnly Won = Some.DaysAgo(400);
    private static readonly DateOnly Ended = Some.DaysAgo(50);

    /// <summary>Won 400 days ago, contract ended 50 days ago; kickoff, usage and an outcome that all hold at as-of.</summary>
    private static AccountSnapshot ChurnedWithEverythingElse(DateOnly outcomeOn) => Some.Account("churned") with
    {
        Opportunities = [Some.Won(Won, Ended, id: "deal-1")],
        KickoffOn = Won.AddDays(5),
        LastOutcomeOn = outcomeOn,
        Usage = Some.DailyUsage(Won.AddDays(10), Some.AsOf, activeUsers: 3, valueActions: 2, coreEvents: 2),
    };

    [Test(Description = "rules.md §8 churned at its first evaluation: the Churned stamp only, no progression stamps and no transition before it; the reason names the deal and the end date")]
    public void Evaluate_ChurnedAtFirstEvaluation_StampsChurnedOnly()
    {
        var result = Engine.Evaluate(ChurnedWithEverythingElse(Some.DaysAgo(10)), Some.AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.EntryDates, Is.EqualTo(new Dictionary<string, DateOnly> { [Churned] = Ended }));
            Assert.That(result.Stage.Transitions.Select(t => (t.From, t.To, t.On)), Is.EqualTo(new[] { ((string?)null, (string?)Churned, Ended) }));
            Assert.That(result.Stage.Reason, Is.EqualTo($"Churned since {Ended:yyyy-MM-dd}: no active subscription: every contract ended, the last (deal-1) on {Ended:yyyy-MM-dd}"));
        }
    }

    [Test(Description = "rules.md §8 churned at its first evaluation: no milestone completes on or after the churn date, none stalls, and the reason says why")]
    public void Evaluate_ChurnedAtFirstEvaluation_CompletesNoMilestone()
    {
        var result = Engine.Evaluate(ChurnedWithEverythingElse(Some.DaysAgo(10)), Some.AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Milestones.CompletedOn, Is.Empty);
            Assert.That(result.Milestones.Stalled, Is.False);
            Assert.That(result.Milestones.Reason.ToString(), Is.EqualTo($"churned on {Ended:yyyy-MM-dd}: no milestone completes on or after the churn date (0 of 2 complete; next would be Kickoff held)"));
        }
    }

    [Test(Description = "rules.md §8 go-live equals replay: a replay completes milestones before the churn date and none on or after it")]
    public void Replay_ChurnedAccount_CompletesNoMilestoneOnOrAfterTheChurnDate()
    {
        var replay = DayByDay.Run(Engine, ChurnedWithEverythingElse(outcomeOn: Ended.AddDays(5)), Won, Some.AsOf).Final;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(replay.Stage.EntryDates[Churned], Is.EqualTo(Ended));
            Assert.That(replay.Milestones.CompletedOn, Is.EqualTo(new Dictionary<string, DateOnly> { ["kickoff"] = Won.AddDays(5) }), "the outcome came after the churn");
        }
    }

    [TestCase("default", 200, StateValue.Slipping, "(> 180: two 90-day cycles)", TestName = "rules.md §8 churned at first evaluation, 05 never attributed: default segment, a customer for 200 days > two 90-day cycles is Slipping")]
    [TestCase("Enterprise", 200, StateValue.Reset, "(≤ 240: two 120-day cycles)", TestName = "rules.md §8 churned at first evaluation, 05 never attributed: Enterprise, 200 days ≤ two 120-day cycles is Reset")]
    [TestCase("Enterprise", 240, StateValue.Reset, "(≤ 240: two 120-day cycles)", TestName = "rules.md §8 05 boundary: Enterprise, a customer for 240 days is Reset")]
    [TestCase("Enterprise", 241, StateValue.Slipping, "(> 240: two 120-day cycles)", TestName = "rules.md §8 05 boundary: Enterprise, a customer for 241 days is Slipping")]
    public void Evaluate_ChurnedNeverAttributed_CountsTwoCyclesOfTheSegment(string segment, int customerDays, StateValue expected, string printed)
    {
        var account = Some.Account("oa") with { Segment = segment, Opportunities = [Some.Won(Some.DaysAgo(customerDays), Some.DaysAgo(5))] };

        var result = Engine.Evaluate(account, Some.AsOf);
        var oa = result.States[(int)CsState.OutcomeAttribution];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Churned));
            Assert.That(oa.Value, Is.EqualTo(expected));
            Assert.That(oa.Reason.ToString(), Does.Contain($"{customerDays} days").And.EndsWith(printed));
        }
    }

    [Test(Description = "rules.md §8 churned at first evaluation: Outcome Attribution counts from the start of the latest life (the reactivating close), with New Customer not stamped")]
    public void Evaluate_ChurnedSecondLife_CountsFromTheReactivatingClose()
    {
        var account = Some.Account("two-lives") with
        {
            Segment = "Enterprise",
            Opportunities = [Some.Won(Some.DaysAgo(700), Some.DaysAgo(500), id: "first"), Some.Won(Some.DaysAgo(200), Some.DaysAgo(30), id: "second")],
        };

        var result = Engine.Evaluate(account, Some.AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.EntryDates, Is.EqualTo(new Dictionary<string, DateOnly> { [Churned] = Some.DaysAgo(30) }));
            Assert.That(result.States[(int)CsState.OutcomeAttribution].Reading, Is.EqualTo(new StateReading(StateValue.Reset, null)), "200 days, not 700");
        }
    }

    [Test(Description = "rules.md §8 a recovery does not start a new life: after an At-Risk recovery re-stamped New Customer, the facts filter and Outcome Attribution still count from the first won close")]
    public void Evaluate_AfterRecoveryToNewCustomer_CountsFromTheLifeStart()
    {
        var account = (Some.Account("recovered") with { Opportunities = [Some.Won(Some.DaysAgo(200))], KickoffOn = Some.DaysAgo(100) })
            .WithStageWritten(NewCustomer, Some.StageStamps((NewCustomer, 5), (AtRisk, 30)));

        var result = RulesEngine.Default.Evaluate(account, Some.AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Onboarding), "the kickoff 100 days ago is in the current life");
            Assert.That(result.States[(int)CsState.OutcomeAttribution].Value, Is.EqualTo(StateValue.Slipping), "never attributed in 200 days > 180");
        }
    }
}
