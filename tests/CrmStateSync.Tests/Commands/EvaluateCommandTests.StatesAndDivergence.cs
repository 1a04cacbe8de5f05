using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary>Sample accounts: verified-on dates, divergence texts and interventions (rules.md §4, §6, §7, §8).</summary>
public partial class EvaluateCommandTests
{
    [TestCase("granite-insurance", "goalClarity", "Reset", "2026-11-10", Description = "§8 01 Reset: leadershipChangeOn")]
    [TestCase("meridian-foods", "goalClarity", "Slipping", "2026-07-16", Description = "§8 01 Slipping without a departure: goalReviewedOn")]
    [TestCase("brightpath-hr", "goalClarity", "Reset", null, Description = "§8 never established: null")]
    [TestCase("meridian-foods", "configuredForGoals", "Slipping", "2026-11-12", Description = "§8 02 Slipping by a gap: workflowGapOn")]
    [TestCase("solstice-energy", "configuredForGoals", "Slipping", "2026-10-01", Description = "§8 02 Slipping, stale: the latest goal change")]
    [TestCase("granite-insurance", "configuredForGoals", "Reset", "2026-11-10", Description = "§8 02 Reset: Goal Clarity's verified-on")]
    [TestCase("tidewater-clinics", "configuredForGoals", "Reset", null, Description = "§8 02 configuration never verified: null")]
    [TestCase("cobalt-freight", "configuredForGoals", "Hit", "2025-11-03", Description = "§8 grace keeps the previous value and date")]
    [TestCase("vertex-robotics", "valueActionAdoption", "Slipping", AsOf, Description = "§8 03 the as-of date on which the value was entered")]
    [TestCase("lumen-ledger", "valueActionAdoption", "Slipping", "2026-10-19", Description = "§8 03 kept while the value stays")]
    [TestCase("pinecrest-labs", "valueActionAdoption", "Hit", AsOf, Description = "§8 03 first evaluation: entered on the as-of date")]
    [TestCase("northwind-renewal", "multiStakeholderEngagement", "Reset", "2026-11-02", Description = "§8 04 Reset: the departure date")]
    [TestCase("meridian-foods", "multiStakeholderEngagement", "Slipping", AsOf, Description = "§8 04 exec sponsor engaged 75 days ago (61+ slips), entered today")]
    [TestCase("granite-insurance", "multiStakeholderEngagement", "Hit", "2024-04-01", Description = "§8 04 a departed exec sponsor replaced by one engaged after the departure")]
    [TestCase("brightpath-hr", "multiStakeholderEngagement", "Reset", null, Description = "§8 04 no contact ever active and no exec sponsor ever engaged")]
    [TestCase("northwind-renewal", "outcomeAttribution", "Slipping", "2026-05-20", Description = "§8 05 ≥ 181 days: Slipping, lastOutcomeOn")]
    [TestCase("quanta-logistics", "outcomeAttribution", "Reset", "2026-07-14", Description = "§8 05 91–180 days: Reset (decayed)")]
    [TestCase("granite-insurance", "outcomeAttribution", "Slipping", "2026-11-10", Description = "§8 05 Slipping by goal change: the latest goal change")]
    [TestCase("ironclad-legal", "outcomeAttribution", "Reset", null, Description = "§8 05 never attributed, a customer ≤ 180 days")]
    [TestCase("vertex-robotics", "dailyWorkIntegration", "Slipping", "2026-11-13", Description = "§4 06 Broken: integrationChangedOn")]
    [TestCase("quanta-logistics", "dailyWorkIntegration", "Slipping", "2026-06-22", Description = "§8 06 inNewHireOnboarding false slips")]
    [TestCase("harborline-logistics", "dailyWorkIntegration", "Reset", "2026-11-18", Description = "§4 06 Removed: Reset")]
    [TestCase("kestrel-security", "dailyWorkIntegration", "Reset", null, Description = "§8 06 never integrated: Reset, null")]
    public void Evaluate_SampleAccount_StateVerifiedOnAsInRules(string id, string state, string value, string? verifiedOn)
    {
        var reading = _samples.Result(id).At("states", state);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(reading.Text("value"), Is.EqualTo(value));
            Assert.That(reading.Text("verifiedOn"), Is.EqualTo(verifiedOn));
        }
    }

    [TestCase("northwind-renewal", "Hidden risk: Multi-Stakeholder Engagement Reset; Outcome Attribution Slipping", Description = "§6 the worked example")]
    [TestCase("acme-analytics", "", Description = "§6 empty when stage and states agree")]
    [TestCase("brightpath-hr", "", Description = "§6 New Customer with states not Hit is neither")]
    [TestCase("lumen-ledger", "Ahead of stage: Goal Clarity, Configured for Goals, Multi-Stakeholder Engagement Hit", Description = "§6 ahead of stage")]
    [TestCase("quanta-logistics", "Hidden risk: Outcome Attribution Reset; Daily-Work Integration Slipping", Description = "§6 hidden risk at Adopting")]
    [TestCase("meridian-foods", "Hidden risk: Goal Clarity Slipping; Configured for Goals Slipping; Multi-Stakeholder Engagement Slipping", Description = "seed 000: an Adopt customer quietly slipping on Goal Clarity")]
    [TestCase("granite-insurance", "Hidden risk: Goal Clarity Reset; Configured for Goals Reset; Outcome Attribution Slipping", Description = "§6 states in table order")]
    [TestCase("solstice-energy", "Hidden risk: Configured for Goals Slipping")]
    [TestCase("vertex-robotics", "", Description = "§6 At-Risk is not a hidden-risk stage; renewal 134 days away")]
    [TestCase("harborline-logistics", "", Description = "§6 At-Risk is not a hidden-risk stage; renewal 128 days away")]
    [TestCase("ironclad-legal", "")]
    [TestCase("kestrel-security", "Hidden risk: Daily-Work Integration Reset")]
    [TestCase("summit-dental", "", Description = "§6 renewal within 90 days with every state Hit is no risk")]
    [TestCase("cobalt-freight", "", Description = "§6 Churned, no renewal ahead")]
    [TestCase("orbit-media", "", Description = "§6 Onboarding with Multi-Stakeholder Engagement Slipping is not ahead")]
    [TestCase("pinecrest-labs", "", Description = "§6 no stage")]
    [TestCase("tidewater-clinics", "")]
    [TestCase("willow-wealth", "")]
    [TestCase("fjord-payments", "Hidden risk: Multi-Stakeholder Engagement Slipping; Outcome Attribution Reset", Description = "§6 renewal within 90 days applies at any stage")]
    public void Evaluate_SampleAccount_DivergenceAsInReadme(string id, string text) =>
        Assert.That(_samples.Result(id).Text("divergence", "text"), Is.EqualTo(text));

    [TestCase("northwind-renewal", "StakeholderReengagement " + Due, Description = "§7 04 raises on entering Reset by a departure; 05 already Slipping raises nothing")]
    [TestCase("acme-analytics", "", Description = "§7 nothing entered, nothing raised")]
    [TestCase("brightpath-hr", "", Description = "§8 an account's first evaluation raises none")]
    [TestCase("lumen-ledger", "")]
    [TestCase("quanta-logistics", "", Description = "§8 go-live does not flood the CSMs")]
    [TestCase("meridian-foods", "ConfigurationReview " + Due, Description = "§8 01 raises only for a leadership-change Reset; 04 only for a departure")]
    [TestCase("granite-insurance", "GoalClarityConversation 2026-12-10; ConfigurationReview " + Due + "; OutcomeReview " + Due, Description = "§8 goal-clarity conversation due leadership change + 30 days")]
    [TestCase("solstice-energy", "", Description = "§7 edge-triggered: already Slipping")]
    [TestCase("vertex-robotics", "AdoptionIntervention " + Due + "; IntegrationEscalation " + Due, Description = "§8 03 on entering Slipping; 06 Broken after Hit")]
    [TestCase("harborline-logistics", "IntegrationEscalation " + Due, Description = "§4 06 Removed after Live: escalate immediately")]
    [TestCase("ironclad-legal", "", Description = "§8 a stall already recorded raises nothing")]
    [TestCase("kestrel-security", "")]
    [TestCase("summit-dental", "")]
    [TestCase("cobalt-freight", "", Description = "§8 06 Reset again (was Reset) raises nothing")]
    [TestCase("orbit-media", "")]
    [TestCase("pinecrest-labs", "")]
    [TestCase("tidewater-clinics", "MilestoneStalled " + Due, Description = "§5 entering stalled raises a milestone intervention")]
    [TestCase("willow-wealth", "")]
    [TestCase("fjord-payments", "", Description = "§8 04 Slipping and 05 Reset raise nothing")]
    public void Evaluate_SampleAccount_InterventionsAsInReadme(string id, string interventions) =>
        Assert.That(_samples.Result(id).Interventions(), Is.EqualTo(interventions));
}
