using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;

namespace CrmStateSync.Rules.Tests.Milestones;

/// <summary>rules.md §5 and §8 "Milestones": in-order completion, stall, the stall intervention, per-segment lists.</summary>
public class MilestoneTests
{
    private static readonly CompiledRules Rules = Some.RulesWithMilestones(new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] =
        [
            Some.Milestone("kickoff", "KickoffOn != null", 14, "Kickoff held"),
            Some.Milestone("first_active", "FirstActiveOn != null", 10, "First user active"),
            Some.Milestone("first_project", "Total(\"projects_created\") >= 1", 20, "First project created"),
        ],
        ["enterprise"] = [Some.Milestone("exec_briefing", "LastOutcomeOn != null", 30, "Executive briefing")],
    });

    private static EvaluationResult Evaluate(AccountSnapshot snapshot) => new RulesEngine(Rules).Evaluate(snapshot, Some.AsOf);

    private static AccountSnapshot WithRecorded(AccountSnapshot snapshot, params (string Key, int DaysAgo)[] completed) =>
        snapshot with { Managed = snapshot.Managed with { Milestones = completed.ToDictionary(c => c.Key, c => Some.DaysAgo(c.DaysAgo)) } };

    private static UsageRow ProjectCreated(DateOnly on) => Some.Usage(on, metrics: new Dictionary<string, double> { ["projects_created"] = 1 });

    [Test(Description = "rules.md §5/§8 a milestone completes on the first as-of date its condition held (the evaluation that completes it)")]
    public void Evaluate_ConditionHolds_CompletesOnAsOf()
    {
        var result = Evaluate(Some.BareCustomer(wonDaysAgo: 40) with { KickoffOn = Some.DaysAgo(30) });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Milestones.CompletedOn, Is.EqualTo(new Dictionary<string, DateOnly> { ["kickoff"] = Some.AsOf }));
            Assert.That(result.Milestones.Completed, Is.EqualTo(1));
            Assert.That(result.Milestones.NextMilestone, Is.EqualTo("First user active"));
        }
    }

    [Test(Description = "rules.md §5 a milestone completes only after the one before it completed")]
    public void Evaluate_LaterConditionHoldsBeforeEarlierOne_CompletesNothing()
    {
        var result = Evaluate(Some.BareCustomer(wonDaysAgo: 40) with { Usage = [Some.Usage(Some.DaysAgo(3), activeUsers: 1)] });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Milestones.CompletedOn, Is.Empty);
            Assert.That(result.Milestones.Completed, Is.Zero);
            Assert.That(result.Milestones.NextKey, Is.EqualTo("kickoff"));
        }
    }

    [Test(Description = "rules.md §8 several milestones may complete in one evaluation")]
    public void Evaluate_AllConditionsHold_CompletesSeveralAtOnce()
    {
        var snapshot = Some.BareCustomer(wonDaysAgo: 40) with
        {
            KickoffOn = Some.DaysAgo(30),
            Usage = [Some.Usage(Some.DaysAgo(20), activeUsers: 1), ProjectCreated(Some.DaysAgo(10))],
        };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Milestones.CompletedOn, Is.EqualTo(new Dictionary<string, DateOnly>
            {
                ["kickoff"] = Some.AsOf,
                ["first_active"] = Some.AsOf,
                ["first_project"] = Some.AsOf,
            }));
            Assert.That(result.Milestones.Completed, Is.EqualTo(3));
            Assert.That(result.Milestones.NextMilestone, Is.Null);
            Assert.That(result.Milestones.Stalled, Is.False);
        }
    }

    [Test(Description = "rules.md §5 once complete a milestone stays complete, even when its condition no longer holds")]
    public void Evaluate_RecordedCompleteConditionGone_StaysComplete()
    {
        var result = Evaluate(WithRecorded(Some.BareCustomer(wonDaysAgo: 40), ("kickoff", 20)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Milestones.CompletedOn, Is.EqualTo(new Dictionary<string, DateOnly> { ["kickoff"] = Some.DaysAgo(20) }));
            Assert.That(result.Milestones.NextKey, Is.EqualTo("first_active"));
        }
    }

    [Test(Description = "rules.md §8 a later milestone recorded complete stays complete even if an earlier one is not")]
    public void Evaluate_LaterRecordedCompleteEarlierNot_KeepsTheLaterOne()
    {
        var result = Evaluate(WithRecorded(Some.BareCustomer(wonDaysAgo: 40), ("first_active", 5)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Milestones.CompletedOn, Is.EqualTo(new Dictionary<string, DateOnly> { ["first_active"] = Some.DaysAgo(5) }));
            Assert.That(result.Milestones.Completed, Is.EqualTo(1));
            Assert.That(result.Milestones.NextKey, Is.EqualTo("kickoff"));
        }
    }

    [TestCase(14, false, null, TestName = "rules.md §8 stall: target 14 days, day 14 after New Customer entry is not stalled")]
    [TestCase(15, true, 0, TestName = "rules.md §8 stall: target 14 days, day 15 after New Customer entry is stalled since entry + 15")]
    [TestCase(16, true, 1, TestName = "rules.md §8 stall: target 14 days, day 16 is stalled since entry + 15 (yesterday)")]
    public void Evaluate_FirstMilestonePastTarget_StallsTheDayAfter(int daysSinceCustomer, bool stalled, int? stalledSinceDaysAgo)
    {
        var result = Evaluate(Some.BareCustomer(wonDaysAgo: daysSinceCustomer));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Milestones.Stalled, Is.EqualTo(stalled));
            Assert.That(result.Milestones.StalledSince, Is.EqualTo(stalledSinceDaysAgo is { } d ? Some.DaysAgo(d) : (DateOnly?)null));
        }
    }

    [TestCase(10, false, TestName = "rules.md §8 stall: target 10 days from the previous completion, day 10 is not stalled")]
    [TestCase(11, true, TestName = "rules.md §8 stall: target 10 days from the previous completion, day 11 is stalled since completion + 11")]
    public void Evaluate_NextMilestonePastTargetSincePreviousCompletion_Stalls(int daysSinceCompletion, bool stalled)
    {
        var snapshot = WithRecorded(Some.BareCustomer(wonDaysAgo: 100) with { KickoffOn = Some.DaysAgo(60) }, ("kickoff", daysSinceCompletion));

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Milestones.NextKey, Is.EqualTo("first_active"));
            Assert.That(result.Milestones.Stalled, Is.EqualTo(stalled));
            Assert.That(result.Milestones.StalledSince, Is.EqualTo(stalled ? Some.AsOf : (DateOnly?)null));
        }
    }

    [Test(Description = "rules.md §5/§7 entering stalled raises a MilestoneStalled intervention naming the blocked milestone, due asOf + 7")]
    public void Evaluate_EnteringStall_RaisesMilestoneIntervention()
    {
        var snapshot = Some.BareCustomer(wonDaysAgo: 20) with { Managed = ManagedValues.Empty with { MilestoneStalled = false } };

        var raised = Evaluate(snapshot).Interventions.Where(i => i.Kind == InterventionKind.MilestoneStalled).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(raised, Has.Count.EqualTo(1));
            Assert.That(raised[0].Due, Is.EqualTo(Some.DaysAhead(7)));
            Assert.That(raised[0].Reason, Does.Contain("Kickoff held"));
        }
    }

    [Test(Description = "rules.md §7 interventions are edge-triggered: an account already stalled raises no new one")]
    public void Evaluate_AlreadyStalled_RaisesNothing()
    {
        // New Customer 20 days ago, kickoff target 14: stalled since 20 − 15 = 5 days ago, as recorded.
        var snapshot = Some.BareCustomer(wonDaysAgo: 20) with
        {
            Managed = ManagedValues.Empty with { MilestoneStalled = true, MilestoneStalledSince = Some.DaysAgo(5) },
        };

        var result = Evaluate(snapshot);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Milestones.StalledSince, Is.EqualTo(Some.DaysAgo(5)));
            Assert.That(result.Interventions, Has.None.Matches<Intervention>(i => i.Kind == InterventionKind.MilestoneStalled));
        }
    }

    [Test(Description = "rules.md §8 an account's first evaluation (MilestoneStalled never written) raises no stall intervention")]
    public void Evaluate_FirstEvaluationStalled_RaisesNothing()
    {
        var result = Evaluate(Some.BareCustomer(wonDaysAgo: 20));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Milestones.Stalled, Is.True);
            Assert.That(result.Interventions, Has.None.Matches<Intervention>(i => i.Kind == InterventionKind.MilestoneStalled));
        }
    }

    [TestCase("enterprise", "exec_briefing", 1, TestName = "rules.md §5 milestones per segment: a segment with its own list uses it")]
    [TestCase("smb", "kickoff", 3, TestName = "rules.md §5 milestones per segment: a segment without a list falls back to \"default\"")]
    [TestCase(null, "kickoff", 3, TestName = "rules.md §5 milestones per segment: an account without a segment uses \"default\"")]
    public void Evaluate_Segment_UsesItsMilestoneList(string? segment, string nextKey, int total)
    {
        var result = Evaluate(Some.BareCustomer(wonDaysAgo: 5) with { Segment = segment });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Milestones.NextKey, Is.EqualTo(nextKey));
            Assert.That(result.Milestones.Total, Is.EqualTo(total));
        }
    }
}
