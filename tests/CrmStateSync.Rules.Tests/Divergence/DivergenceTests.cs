using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using static CrmStateSync.Rules.Configuration.DefaultRules;

namespace CrmStateSync.Rules.Tests.Divergence;

/// <summary>rules.md §6: hidden risk, ahead of stage, their exact texts and precedence.</summary>
public class DivergenceTests
{
    private const string AheadOfStage = "Ahead of stage: Goal Clarity, Configured for Goals, Multi-Stakeholder Engagement Hit";

    private static EvaluationResult Evaluate(AccountSnapshot snapshot) => RulesEngine.Default.Evaluate(snapshot, Some.AsOf);

    /// <summary>Multi-Stakeholder Engagement Reset (the champion left, not replaced) and Outcome Attribution Slipping
    /// (last outcome 200 days ago); every other state Hit.</summary>
    private static AccountSnapshot WithStakeholderResetAndOutcomeSlipping(AccountSnapshot snapshot) => snapshot with
    {
        Contacts =
        [
            Some.Contact("c-exec", "Finance", ContactRole.ExecSponsor, Some.DaysAgo(3), Some.DaysAgo(10)),
            Some.Contact("c-champ", "Operations", ContactRole.Champion, Some.DaysAgo(4), Some.DaysAgo(5), departedOn: Some.DaysAgo(3)),
        ],
        LastOutcomeOn = Some.DaysAgo(200),
    };

    private static AccountSnapshot WithRenewalIn(AccountSnapshot snapshot, int days) =>
        snapshot with { Opportunities = [Some.Won(Some.DaysAgo(300), Some.DaysAhead(days))] };

    [Test(Description = "rules.md §6 hidden risk at Adopting: exact text, states in table order")]
    public void Evaluate_AdoptingWithStatesNotHit_WritesHiddenRisk()
    {
        var result = Evaluate(WithStakeholderResetAndOutcomeSlipping(Some.AdoptingCustomer()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Adopting));
            Assert.That(result.Divergence.Text, Is.EqualTo("Hidden risk: Multi-Stakeholder Engagement Reset; Outcome Attribution Slipping"));
        }
    }

    [Test(Description = "rules.md §6 hidden risk at Healthy: exact text, states in table order")]
    public void Evaluate_HealthyWithStatesNotHit_WritesHiddenRisk()
    {
        var result = Evaluate(WithStakeholderResetAndOutcomeSlipping(Some.HealthyCustomer()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Healthy));
            Assert.That(result.Divergence.Text, Is.EqualTo("Hidden risk: Multi-Stakeholder Engagement Reset; Outcome Attribution Slipping"));
        }
    }

    [Test(Description = "rules.md §6 hidden risk lists every state not Hit in table order (01, 02, 05)")]
    public void Evaluate_LeadershipChange_ListsThreeStatesInTableOrder()
    {
        // A leadership change after the review: Goal Clarity Reset, so Configured for Goals Reset; the goal change has no
        // outcome after it, so Outcome Attribution Slipping.
        var result = Evaluate(Some.HealthyCustomer() with { LeadershipChangeOn = Some.DaysAgo(5) });

        Assert.That(result.Divergence.Text,
            Is.EqualTo("Hidden risk: Goal Clarity Reset; Configured for Goals Reset; Outcome Attribution Slipping"));
    }

    [Test(Description = "rules.md §6 ahead of stage at Onboarding: exact text")]
    public void Evaluate_OnboardingWithGoalConfigAndStakeholdersHit_WritesAheadOfStage()
    {
        var result = Evaluate(Some.OnboardingCustomerAheadOfStage());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Onboarding));
            Assert.That(result.Divergence.Text, Is.EqualTo(AheadOfStage));
        }
    }

    [Test(Description = "rules.md §6 ahead of stage at New Customer: exact text")]
    public void Evaluate_NewCustomerWithGoalConfigAndStakeholdersHit_WritesAheadOfStage()
    {
        var snapshot = Some.OnboardingCustomerAheadOfStage() with
        {
            KickoffOn = null,
            Usage = [Some.Usage(Some.DaysAgo(2), activeUsers: 0, valueActions: 5)],
        };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(NewCustomer));
            Assert.That(result.Divergence.Text, Is.EqualTo(AheadOfStage));
        }
    }

    [Test(Description = "rules.md §6 hidden risk wins when both hold (ahead of stage at Onboarding, renewal in 75 days)")]
    public void Evaluate_AheadOfStageWithRenewalSoon_HiddenRiskWins()
    {
        var result = Evaluate(WithRenewalIn(Some.OnboardingCustomerAheadOfStage(), 75));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Onboarding));
            Assert.That(result.Divergence.Text, Is.EqualTo("Hidden risk: Value-Action Adoption Slipping"));
        }
    }

    [TestCase(90, "Hidden risk: Value-Action Adoption Slipping", TestName = "rules.md §6 renewal within 90 days applies at any stage: 90 days at Onboarding is hidden risk")]
    [TestCase(91, AheadOfStage, TestName = "rules.md §6 renewal within 90 days: 91 days at Onboarding is not hidden risk")]
    public void Evaluate_RenewalWithin90Days_IsHiddenRiskAtAnyStage(int renewalInDays, string expected)
    {
        var result = Evaluate(WithRenewalIn(Some.OnboardingCustomerAheadOfStage(), renewalInDays));

        Assert.That(result.Divergence.Text, Is.EqualTo(expected));
    }

    [Test(Description = "rules.md §6 empty when stage and states agree: Healthy with every state Hit")]
    public void Evaluate_HealthyAllHit_IsEmpty()
    {
        Assert.That(Evaluate(Some.HealthyCustomer()).Divergence.Text, Is.Empty);
    }

    [Test(Description = "rules.md §6 empty when stage and states agree: a renewal within 90 days with every state Hit")]
    public void Evaluate_RenewalSoonAllHit_IsEmpty()
    {
        Assert.That(Evaluate(WithRenewalIn(Some.HealthyCustomer(), 30)).Divergence.Text, Is.Empty);
    }

    [Test(Description = "rules.md §6 empty: Onboarding with a state not Hit is neither hidden risk nor ahead of stage")]
    public void Evaluate_OnboardingWithStakeholdersNotHit_IsEmpty()
    {
        var result = Evaluate(WithStakeholderResetAndOutcomeSlipping(Some.OnboardingCustomerAheadOfStage()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo(Onboarding));
            Assert.That(result.Divergence.Text, Is.Empty);
        }
    }
}
