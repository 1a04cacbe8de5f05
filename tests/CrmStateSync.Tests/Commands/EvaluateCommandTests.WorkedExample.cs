using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary>
/// Seed 000's worked example, field by field: "a customer two months from renewal … Goal Clarity, Configured for Goals,
/// and Value-Action Adoption are all Hit. Daily-Work Integration is Hit. Outcome Attribution is Slipping. And
/// Multi-Stakeholder Engagement just went to Reset — the VP who championed you left three weeks ago."
/// </summary>
public partial class EvaluateCommandTests
{
    [Test]
    public void Evaluate_WorkedExample_StageAsSeedAndRules()
    {
        var result = _samples.Result("northwind-renewal");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Text("name"), Is.EqualTo("Northwind Traders"));
            Assert.That(result.Text("segment"), Is.EqualTo("Enterprise"));
            Assert.That(result.Text("stage", "value"), Is.EqualTo("Healthy"), "renewal 61 days out: the renewal-risk signal (≤ 60 days) does not hold");
            Assert.That(result.Text("stage", "enteredOn"), Is.EqualTo("2025-06-02"));
            Assert.That(result.At("stage", "daysInStage").GetInt32(), Is.EqualTo(539));
            Assert.That(result.At("stage", "timeToValueDays").GetInt32(), Is.EqualTo(56));
            Assert.That(result.Map("stage", "entryDates"), Is.EqualTo(new Dictionary<string, string?>
            {
                ["New Customer"] = "2025-01-20", ["Onboarding"] = "2025-01-27", ["Adopting"] = "2025-03-17", ["Healthy"] = "2025-06-02",
            }));
            Assert.That(result.Text("stage", "reason"), Is.EqualTo("Healthy since 2025-06-02: onboarding complete 2025-04-15, 299 core events and 14 active users in the last 30 days"));
            Assert.That(result.Text("stage", "lastWritten", "stage"), Is.EqualTo("Healthy"));
            Assert.That(result.Text("stage", "lastWritten", "stageSource"), Is.EqualTo("Automated"));
            Assert.That(result.Text("stage", "lastWritten", "stageSetOn"), Is.EqualTo("2025-06-02"));
            Assert.That(result.Text("stage", "manualMove"), Is.Null);
            Assert.That(result.At("transitions").GetArrayLength(), Is.Zero);
        }
    }

    [TestCase("goalClarity", "Hit", "2026-10-05", "goal owner and primary goal set, reviewed 2026-10-05 (49 days ago, ≤ 90)")]
    [TestCase("configuredForGoals", "Hit", "2026-09-14", "workflows live, verified 2026-09-14, 17 value actions in the last 14 days")]
    [TestCase("valueActionAdoption", "Hit", "2025-03-17", "17 value actions in the last 14 days ≥ 10")]
    [TestCase("multiStakeholderEngagement", "Reset", "2026-11-02", "Champion departed on 2026-11-02 and has not been replaced by an engaged contact")]
    [TestCase("outcomeAttribution", "Slipping", "2026-05-20", "last outcome 2026-05-20 is 187 days old: two cycles without attribution (> 180: two 90-day cycles)")]
    [TestCase("dailyWorkIntegration", "Hit", "2025-05-12", "integration live since 2025-05-12 and in new-hire onboarding")]
    public void Evaluate_WorkedExample_StateAsSeed(string state, string value, string verifiedOn, string reason)
    {
        var reading = _samples.Result("northwind-renewal").At("states", state);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reading.Text("value"), Is.EqualTo(value));
            Assert.That(reading.Text("verifiedOn"), Is.EqualTo(verifiedOn));
            Assert.That(reading.Text("reason"), Is.EqualTo(reason));
        }
    }

    [Test]
    public void Evaluate_WorkedExample_DivergenceMilestonesAndInterventionAsSeed()
    {
        var result = _samples.Result("northwind-renewal");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Text("divergence", "text"), Is.EqualTo("Hidden risk: Multi-Stakeholder Engagement Reset; Outcome Attribution Slipping"));
            Assert.That(result.Text("divergence", "reason"), Is.EqualTo("stage Healthy while states are not Hit"));
            Assert.That(result.At("milestones", "completed").GetInt32(), Is.EqualTo(6));
            Assert.That(result.At("milestones", "total").GetInt32(), Is.EqualTo(6));
            Assert.That(result.Text("milestones", "next"), Is.Null);
            Assert.That(result.Text("milestones", "stalled"), Is.EqualTo("False"));
            Assert.That(result.At("interventions").GetArrayLength(), Is.EqualTo(1));
            Assert.That(result.At("interventions")[0].Text("kind"), Is.EqualTo("StakeholderReengagement"));
            Assert.That(result.At("interventions")[0].Text("due"), Is.EqualTo(Due));
            Assert.That(result.At("interventions")[0].Text("reason"), Is.EqualTo(
                "Multi-Stakeholder Engagement entered Reset (was Hit): Champion departed on 2026-11-02 and has not been replaced by an engaged contact"));
        }
    }
}
