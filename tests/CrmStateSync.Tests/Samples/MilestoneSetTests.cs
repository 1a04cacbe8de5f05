using System.Text.Json.Nodes;
using CrmStateSync.Configuration;
using CrmStateSync.Rules.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Snapshots;
using CrmStateSync.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace CrmStateSync.Tests.Samples;

/// <summary>
/// The milestone sets of samples/milestones (seed 001: one ordered sequence per segment) compile with the rules
/// compiler, serve their segments, and a broken copy is refused with every problem named by its key.
/// </summary>
public class MilestoneSetTests
{
    private const string SelfServe = "samples/milestones/self-serve.json";
    private const string Enterprise = "samples/milestones/enterprise.json";

    [Test]
    public void Evaluate_SamplesUnderBothSets_EnterpriseAccountsGetTheEnterpriseSetAndTheRestTheSelfServeOne()
    {
        var engine = new RulesEngine(Compile(SelfServe, Enterprise));
        var batch = SnapshotFileReader.Read(RepoPaths.Snapshots);

        var totals = batch.Accounts.Where(a => a.Segment is not null)
            .Select(a => (a.Segment, engine.Evaluate(a, new DateOnly(2026, 11, 23)).Milestones.Total))
            .Where(r => r.Total > 0)
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(totals.Where(r => r.Segment == "Enterprise").Select(r => r.Total), Is.Not.Empty.And.All.EqualTo(9));
            Assert.That(totals.Where(r => r.Segment != "Enterprise").Select(r => r.Total), Is.Not.Empty.And.All.EqualTo(5), "default serves every other segment");
        }
    }

    [Test]
    public void Compile_BrokenCopyOfTheEnterpriseSet_ListsEveryProblemWithItsKey()
    {
        var set = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, Enterprise)))!;
        var milestones = set["Rules"]!["Milestones"]!["Enterprise"]!.AsArray();
        milestones[1]!["Key"] = "kickoff_held";
        milestones[2]!["TargetDays"] = -5;
        milestones[3]!["Condition"] = "ActiveUsers30d >= ";
        using var folder = new TempFolder();
        var broken = folder.Write("enterprise-broken.json", set.ToJsonString());

        var ex = Assert.Throws<RulesConfigurationException>(() => RulesConfiguration.Load(broken));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ex!.Problems, Has.Some.StartsWith("Rules:Milestones:Enterprise:1:Key: duplicate milestone key 'kickoff_held'"));
            Assert.That(ex.Problems, Has.Some.StartsWith("Rules:Milestones:Enterprise:2:TargetDays: must not be negative (was -5)"));
            Assert.That(ex.Problems, Has.Some.StartsWith("Rules:Milestones:Enterprise:3:Condition (pilot_team_active)"));
        }
    }

    private static CompiledRules Compile(params string[] files)
    {
        var builder = new ConfigurationBuilder();
        foreach (var file in files)
        {
            builder.AddJsonFile(Path.Combine(RepoPaths.Root, file));
        }

        return RulesConfiguration.Compile(builder.Build().GetSection(RulesConfiguration.Section));
    }
}
