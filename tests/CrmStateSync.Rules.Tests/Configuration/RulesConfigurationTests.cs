using CrmStateSync.Rules.Configuration;

namespace CrmStateSync.Rules.Tests.Configuration;

/// <summary>rules.md §2 (a bad expression stops start-up naming the stage or milestone and the position) and the
/// conventions' "fail fast on configuration": every problem listed with its configuration key.</summary>
public class RulesConfigurationTests
{
    private static Dictionary<string, List<MilestoneOptions>> OneMilestoneList(params MilestoneOptions[] milestones) =>
        new(StringComparer.OrdinalIgnoreCase) { ["default"] = [.. milestones] };

    private static StageModelOptions DefaultModelWith(Action<StageModelOptions> change)
    {
        var model = DefaultRules.StageModel();
        change(model);
        return model;
    }

    [Test(Description = "rules.md §3 the default model compiles, with the six picklist labels")]
    public void Compile_Defaults_HasNoProblemsAndTheSixStages()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RulesCompiler.Validate(new RulesOptions()), Is.Empty);
            Assert.That(CompiledRules.Default.StageLabels,
                Is.EquivalentTo(new[] { "New Customer", "Onboarding", "Adopting", "Healthy", "At-Risk", "Churned" }));
        }
    }

    private static IEnumerable<TestCaseData> SingleProblems()
    {
        yield return Case("conventions.md fail fast on configuration: a negative window is rejected with its key", "Rules:Thresholds:ValueActionWindowDays", "-1",
            new RulesOptions { Thresholds = new Thresholds { ValueActionWindowDays = -1 } });
        yield return Case("conventions.md fail fast on configuration: a negative per-segment window is rejected with its key", "Rules:Segments:smb:ActivityWindowDays", "-5",
            new RulesOptions { Segments = new(StringComparer.OrdinalIgnoreCase) { ["smb"] = new() { ["ActivityWindowDays"] = -5 } } });
        yield return Case("conventions.md fail fast on configuration: a negative milestone target is rejected with its key", "Rules:Milestones:default:0:TargetDays", "-1",
            new RulesOptions { Milestones = OneMilestoneList(Some.Milestone("first_user", "FirstActiveOn != null", -1)) });
        yield return Case("conventions.md fail fast on configuration: an unknown customer stage is rejected", "Rules:StageModel:CustomerStage", "'Customer'",
            new RulesOptions { StageModel = DefaultModelWith(m => m.CustomerStage = "Customer") });
        yield return Case("conventions.md fail fast on configuration: an unknown time-to-value stage is rejected", "Rules:StageModel:TimeToValueTo", "'Adopted'",
            new RulesOptions { StageModel = DefaultModelWith(m => m.TimeToValueTo = "Adopted") });
        yield return Case("conventions.md fail fast on configuration: an unknown hidden-risk divergence stage is rejected", "Rules:Divergence:HiddenRiskStages:1", "'Thriving'",
            new RulesOptions { Divergence = new DivergenceOptions { HiddenRiskStages = ["Adopting", "Thriving"], AheadOfStageStages = ["Onboarding"] } });
        yield return Case("conventions.md fail fast on configuration: an unknown ahead-of-stage divergence stage is rejected", "Rules:Divergence:AheadOfStageStages:0", "'Trial'",
            new RulesOptions { Divergence = new DivergenceOptions { HiddenRiskStages = ["Adopting"], AheadOfStageStages = ["Trial"] } });
        yield return Case("conventions.md fail fast on configuration: a duplicate milestone key is rejected", "Rules:Milestones:default:1:Key", "duplicate milestone key 'first_user'",
            new RulesOptions { Milestones = OneMilestoneList(Some.Milestone("first_user", "FirstActiveOn != null", 14), Some.Milestone("first_user", "TotalValueActions >= 1", 14)) });
        yield return Case("conventions.md fail fast on configuration: an unknown per-segment threshold name is rejected", "Rules:Segments:enterprise:ValueActionTreshold", "unknown threshold",
            new RulesOptions { Segments = new(StringComparer.OrdinalIgnoreCase) { ["enterprise"] = new() { ["ValueActionTreshold"] = 20 } } });

        static TestCaseData Case(string name, string key, string detail, RulesOptions options) =>
            new TestCaseData(options, key, detail).SetName(name);
    }

    [TestCaseSource(nameof(SingleProblems))]
    public void Validate_OneBadSetting_ListsItWithItsKey(RulesOptions options, string key, string detail)
    {
        Assert.That(RulesCompiler.Validate(options), Has.Some.Matches<string>(p => p.StartsWith(key + ":", StringComparison.Ordinal) && p.Contains(detail)));
    }

    [Test(Description = "rules.md §2 a bad stage expression stops start-up naming the stage and the position of the error")]
    public void Compile_BadStageCriterion_NamesTheStageAndThePosition()
    {
        var options = new RulesOptions { StageModel = DefaultModelWith(m => m.Stages[2].Criterion = "ValueActions14d >= Bogus") };

        var ex = Assert.Throws<RulesConfigurationException>(() => RulesCompiler.Compile(options));

        Assert.That(ex.Problems, Has.One.StartsWith("Rules:StageModel:Stages:2:Criterion (Adopting)").And.Contains("position 19"));
    }

    [Test(Description = "rules.md §2 a bad milestone condition stops start-up naming the milestone and the position of the error")]
    public void Compile_BadMilestoneCondition_NamesTheMilestoneAndThePosition()
    {
        var options = new RulesOptions { Milestones = OneMilestoneList(Some.Milestone("first_user", "FirstActiveOn != nul", 14)) };

        var ex = Assert.Throws<RulesConfigurationException>(() => RulesCompiler.Compile(options));

        Assert.That(ex.Problems, Has.One.StartsWith("Rules:Milestones:default:0:Condition (first_user)").And.Contains("position 17"));
    }

    [Test(Description = "conventions: configuration collects every problem before failing, each with its key")]
    public void Compile_SeveralProblems_ListsEveryOneWithItsKey()
    {
        var options = new RulesOptions
        {
            Thresholds = new Thresholds { ActivityWindowDays = -30 },
            Segments = new(StringComparer.OrdinalIgnoreCase) { ["enterprise"] = new() { ["ValueActionTreshold"] = 20 } },
            StageModel = DefaultModelWith(m =>
            {
                m.CustomerStage = "Customer";
                m.Stages[2].Criterion = "ValueActions14d >= Bogus";
            }),
            Milestones = OneMilestoneList(Some.Milestone("first_user", "FirstActiveOn != null", 14), Some.Milestone("first_user", "TotalValueActions >= 1", 14)),
            Divergence = new DivergenceOptions { HiddenRiskStages = ["Thriving"], AheadOfStageStages = ["Onboarding"] },
        };

        var ex = Assert.Throws<RulesConfigurationException>(() => RulesCompiler.Compile(options));

        using (Assert.EnterMultipleScope())
        {
            foreach (var key in new[]
            {
                "Rules:Thresholds:ActivityWindowDays:",
                "Rules:Segments:enterprise:ValueActionTreshold:",
                "Rules:StageModel:CustomerStage:",
                "Rules:StageModel:Stages:2:Criterion (Adopting):",
                "Rules:Milestones:default:1:Key:",
                "Rules:Divergence:HiddenRiskStages:0:",
            })
            {
                Assert.That(ex.Problems, Has.Some.StartsWith(key), key);
                Assert.That(ex.Message, Does.Contain(key), key);
            }
        }
    }
}
