using System.Text.Json;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary>Sample accounts: stage reasons, transitions, manual moves and milestones (rules.md §3, §5, §8).</summary>
public partial class EvaluateCommandTests
{
    [TestCase("brightpath-hr", "New Customer since 2026-11-16: deal bp-opp-2026 won 2026-11-16 with an active subscription")]
    [TestCase("quanta-logistics", "Adopting since 2026-11-23: 12 value actions in the last 14 days ≥ 10", Description = "§3 every stage value carries a reason, also at go-live")]
    [TestCase("meridian-foods", "Adopting since 2026-04-06: 14 value actions in the last 14 days ≥ 10")]
    [TestCase("summit-dental", "Healthy since 2026-07-06: onboarding complete 2026-06-22, 118 core events and 7 active users in the last 30 days")]
    [TestCase("vertex-robotics", "At-Risk since 2026-11-23: core events halved: 75 core events in the last 30 days vs 160 in the previous 30")]
    [TestCase("harborline-logistics", "At-Risk since 2026-11-23: integration removed: Daily-Work Integration is Reset: the integration was removed")]
    [TestCase("fjord-payments", "At-Risk since 2026-11-23: renewal at risk: renewal 2027-01-07 in 45 days with 2 states not Hit")]
    [TestCase("willow-wealth", "Healthy since 2026-11-23: recovered from At-Risk (entered 2026-10-26); no risk signal holds")]
    [TestCase("cobalt-freight", "Churned since 2026-09-15: no active subscription: renewal cobalt-renewal-2026 lost 2026-09-15 with nothing won after it")]
    [TestCase("pinecrest-labs", "no stage: the account does not meet the eligibility rule (no won opportunity)")]
    public void Evaluate_SampleAccount_StageReasonAsInRules(string id, string reason) =>
        Assert.That(_samples.Result(id).Text("stage", "reason"), Is.EqualTo(reason));

    [Test]
    public void Evaluate_ReactivatedAccount_ClearsLaterStampsAndWalksFromNewCustomer()
    {
        var result = _samples.Result("orbit-media");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Map("stage", "entryDates"), Is.EqualTo(new Dictionary<string, string?> { ["New Customer"] = "2026-10-05", ["Onboarding"] = "2026-10-12" }));
            Assert.That(Transitions(result), Is.EqualTo(new[]
            {
                "Churned → New Customer 2026-10-05 Automated",
                "New Customer → Onboarding 2026-10-12 Automated",
            }));
            Assert.That(result.Text("stage", "reason"), Is.EqualTo("Onboarding since 2026-10-12: kickoff held 2026-10-12, first active user 2026-10-18"));
        }
    }

    [Test]
    public void Evaluate_ManualForwardMove_AcceptedStampedWithCrmDateAndPinned()
    {
        var result = _samples.Result("kestrel-security");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Text("stage", "manualMove", "accepted"), Is.EqualTo("True"));
            Assert.That(result.Text("stage", "manualMove", "rule"), Is.EqualTo("ForwardMove"));
            Assert.That(LastWritten(result), Is.EqualTo("Adopting Manual 2026-11-20"));
            Assert.That(Transitions(result), Is.EqualTo(new[] { "Onboarding → Adopting 2026-11-20 Manual" }));
            Assert.That(result.Map("stage", "entryDates"), Does.Not.ContainKey("Healthy"), "pinned: the Healthy gate holds but automated moves wait 30 days");
            Assert.That(result.At("stage", "timeToValueDays").GetInt32(), Is.EqualTo(74));
        }
    }

    [Test]
    public void Evaluate_ManualMoveToAtRiskWithReason_AcceptedAsManualAtRisk()
    {
        var result = _samples.Result("ironclad-legal");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Text("stage", "manualMove", "rule"), Is.EqualTo("AtRiskWithReason"));
            Assert.That(LastWritten(result), Is.EqualTo("At-Risk Manual 2026-11-19"));
            Assert.That(result.Text("stage", "reason"), Does.StartWith("At-Risk since 2026-11-19: moved by hand: Budget freeze"));
        }
    }

    [Test]
    public void Evaluate_ManualBackwardMove_RejectedAndPutBack()
    {
        var result = _samples.Result("summit-dental");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Text("stage", "manualMove", "from"), Is.EqualTo("Healthy"));
            Assert.That(result.Text("stage", "manualMove", "to"), Is.EqualTo("Onboarding"));
            Assert.That(result.Text("stage", "manualMove", "accepted"), Is.EqualTo("False"));
            Assert.That(result.Text("stage", "manualMove", "rule"), Is.EqualTo("BackwardMove"));
            Assert.That(result.Text("stage", "value"), Is.EqualTo("Healthy"));
            Assert.That(LastWritten(result), Is.EqualTo("Healthy Automated 2026-07-06"));
            Assert.That(Transitions(result), Is.Empty);
        }
    }

    [Test]
    public void Evaluate_GoLiveWithOlderCrmStage_WalksForwardAndKeepsTheReplacedValueInHistory()
    {
        var result = _samples.Result("quanta-logistics");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Transitions(result), Is.EqualTo(new[]
            {
                "(none) → New Customer 2026-05-11 Automated",
                "New Customer → Onboarding 2026-05-18 Automated",
                "Onboarding → Adopting 2026-11-23 Automated",
                "Onboarding → Adopting 2026-11-23 Backfill",
            }));
            Assert.That(result.At("transitions")[3].Text("reason"), Is.EqualTo("replaced at go-live"));
            Assert.That(LastWritten(result), Is.EqualTo("Adopting Automated 2026-11-23"));
            Assert.That(result.At("stage", "timeToValueDays").GetInt32(), Is.EqualTo(196));
        }
    }

    [Test]
    public void Evaluate_MilestoneStallsToday_RaisesMilestoneIntervention()
    {
        var result = _samples.Result("tidewater-clinics");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Text("milestones", "stalled"), Is.EqualTo("True"));
            Assert.That(result.Text("milestones", "stalledSince"), Is.EqualTo(AsOf));
            Assert.That(result.Text("milestones", "next"), Is.EqualTo("First project created"));
            Assert.That(result.At("interventions")[0].Text("reason"), Is.EqualTo(
                "milestone blocked: First project created stalled since 2026-11-23: 14 target days from 2026-11-08 have passed (1 of 6 complete)"));
        }
    }

    [Test]
    public void Evaluate_SeveralMilestonesHoldAtOnce_AllCompleteOnTheAsOfDate()
    {
        var result = _samples.Result("lumen-ledger");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Map("milestones", "completedOn"), Is.EqualTo(new Dictionary<string, string?>
            {
                ["first_project"] = AsOf, ["first_user_active"] = AsOf, ["first_value_action"] = AsOf, ["team_adoption"] = AsOf,
            }));
            Assert.That(result.Text("milestones", "next"), Is.EqualTo("Integration live"));
            Assert.That(result.Text("milestones", "stalled"), Is.EqualTo("False"));
        }
    }

    private static string LastWritten(JsonElement result) =>
        $"{result.Text("stage", "lastWritten", "stage")} {result.Text("stage", "lastWritten", "stageSource")} {result.Text("stage", "lastWritten", "stageSetOn")}";

    private static string[] Transitions(JsonElement result) =>
    [
        .. result.GetProperty("transitions").EnumerateArray()
            .Select(t => $"{t.Text("from") ?? "(none)"} → {t.Text("to") ?? "(none)"} {t.Text("on")} {t.Text("source")}"),
    ];
}
