using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.Invariants;

/// <summary>
/// rules.md §8 "Facts dated after asOf are ignored, except contract ends and open renewals": a snapshot read on a day
/// before one of its facts happened evaluates exactly as if that fact were not there yet. This is what lets a backfill
/// replay the account's current record day by day (sync.md): every dated input must be seen as of the replayed day.
/// </summary>
public class FutureFactsTests
{
    private static readonly DateOnly Later = Some.DaysAhead(10);

    /// <summary>One row per dated input: the account with the fact dated after as-of, and the account before the fact.</summary>
    private static IEnumerable<TestCaseData> FutureFacts()
    {
        var b = Base();
        yield return Row("integrationStatus Removed dated by integrationChangedOn",
            b with { IntegrationStatus = IntegrationStatus.Removed, IntegrationChangedOn = Later }, b with { IntegrationStatus = null, IntegrationChangedOn = null });
        yield return Row("integrationStatus Broken dated by integrationChangedOn",
            b with { IntegrationStatus = IntegrationStatus.Broken, IntegrationChangedOn = Later }, b with { IntegrationStatus = null, IntegrationChangedOn = null });
        yield return Row("leadershipChangeOn", b with { LeadershipChangeOn = Later }, b);
        yield return Row("goalChangedOn", b with { GoalChangedOn = Later }, b with { GoalChangedOn = null });
        yield return Row("goalReviewedOn", b with { GoalReviewedOn = Later }, b with { GoalReviewedOn = null });
        yield return Row("lastOutcomeOn", b with { LastOutcomeOn = Later }, b with { LastOutcomeOn = null });
        yield return Row("workflowGapOn", b with { WorkflowGapOn = Later }, b);
        yield return Row("configVerifiedOn", b with { ConfigVerifiedOn = Later }, b with { ConfigVerifiedOn = null });
        yield return Row("kickoffOn and onboardingCompleteOn", b with { KickoffOn = Later, OnboardingCompleteOn = Later },
            b with { KickoffOn = null, OnboardingCompleteOn = null });
        yield return Row("an exec sponsor's departedOn", WithExec(b, departedOn: Later), WithExec(b, departedOn: null));
        yield return Row("an exec sponsor's lastEngagedOn", WithExec(b, engagedOn: Later), WithExec(b, engagedOn: null));
        yield return Row("usage rows", b with { Usage = [.. b.Usage, Some.Usage(Later, 9, 500, 500)] }, b);
        yield return Row("a renewal lost after asOf is still open then",
            b with { Opportunities = [.. b.Opportunities, Some.Lost(Later)] }, b with { Opportunities = [.. b.Opportunities, Some.OpenRenewal(Later)] });
        yield return Row("a won opportunity closed after asOf is still open then",
            b with { Opportunities = [.. b.Opportunities, Some.Won(Later, id: "opp-2")] },
            b with { Opportunities = [.. b.Opportunities, Some.Won(Later, id: "opp-2") with { IsClosed = false, IsWon = false }] });
    }

    [TestCaseSource(nameof(FutureFacts))]
    public void Evaluate_FactDatedAfterAsOf_EvaluatesAsBeforeTheFact(AccountSnapshot withFutureFact, AccountSnapshot beforeTheFact)
    {
        var expected = Describe(RulesEngine.Default.Evaluate(beforeTheFact, Some.AsOf));

        Assert.That(Describe(RulesEngine.Default.Evaluate(withFutureFact, Some.AsOf)), Is.EqualTo(expected));
    }

    private static TestCaseData Row(string fact, AccountSnapshot withFutureFact, AccountSnapshot beforeTheFact) =>
        new TestCaseData(withFutureFact, beforeTheFact).SetName($"rules.md §8 facts dated after asOf are ignored: {fact}");

    /// <summary>A healthy customer as the worker left it yesterday (its own output as previous values).</summary>
    private static AccountSnapshot Base()
    {
        var account = Some.HealthyCustomer();
        return RulesEngine.Default.Evaluate(account, Some.AsOf.AddDays(-1)).Apply(account);
    }

    private static AccountSnapshot WithExec(AccountSnapshot b, DateOnly? departedOn = null, DateOnly? engagedOn = null) =>
        b with { Contacts = [.. b.Contacts.Where(c => c.Id != "c-exec"), b.Contacts.Single(c => c.Id == "c-exec") with { DepartedOn = departedOn, LastEngagedOn = engagedOn }] };

    private static string Describe(EvaluationResult r) =>
        $"{r.Stage.Stage}|{string.Join(",", r.Stage.EntryDates.OrderBy(d => d.Key, StringComparer.Ordinal))}|{r.Stage.Reason}|"
        + string.Join("|", r.States.Select(s => $"{s.State}={s.Value}@{s.VerifiedOn} {s.Reason}")) + "|"
        + string.Join(",", r.Milestones.CompletedOn.OrderBy(d => d.Key, StringComparer.Ordinal)) + $"|{r.Milestones.Stalled}|{r.Divergence.Text}|"
        + string.Join("|", r.Stage.Transitions) + "|" + string.Join("|", r.Interventions);
}
