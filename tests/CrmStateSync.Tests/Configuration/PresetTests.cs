using CrmStateSync.Configuration;
using CrmStateSync.Rules.Evaluation;
using CrmStateSync.Rules.Model;
using CrmStateSync.Snapshots;
using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Configuration;

/// <summary>
/// The presets in samples/rules/ load and compile, and a stage model is configuration alone (rules.md §3): seed 003's
/// nine-state lifecycle and seed 000's journey evaluated on hand-made snapshots.
/// </summary>
[TestFixture]
public partial class PresetTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 23);

    public static IEnumerable<string> PresetFiles() =>
        Directory.GetFiles(RepoPaths.Presets, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order();

    [TestCaseSource(nameof(PresetFiles))]
    public void Load_EveryPresetFile_Compiles(string preset) =>
        Assert.That(() => RulesConfiguration.Load(RepoPaths.Preset(preset)), Throws.Nothing);

    [TestCase("default", new[] { "New Customer", "Onboarding", "Adopting", "Healthy", "At-Risk", "Churned" })]
    [TestCase("nine-state-lifecycle", new[] { "Unknown", "Lead", "Qualified", "Opportunity", "Customer", "Active", "Expansion", "Risk", "Dormant" })]
    [TestCase("journey", new[] { "Onboard", "Activate", "Adopt", "Expand", "Advocate", "Renew", "Churned" })]
    public void Load_Preset_HasTheStagesOfItsModel(string preset, string[] labels) =>
        Assert.That(RulesConfiguration.Load(RepoPaths.Preset(preset)).StageLabels, Is.EquivalentTo(labels));

    [Test]
    public void Evaluate_DefaultPresetOnSamples_PrintsExactlyWhatTheBuiltInRulesPrint()
    {
        var builtIn = CommandRun.Of("evaluate", "--input", RepoPaths.Snapshots);
        var preset = CommandRun.Of("evaluate", "--input", RepoPaths.Snapshots, "--config", RepoPaths.Preset("default"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(preset.ExitCode, Is.EqualTo(ExitCodes.Success), preset.Error);
            Assert.That(preset.Output, Is.EqualTo(builtIn.Output));
        }
    }

    [Test]
    public void Evaluate_WorkedExampleUnderJourney_IsRenewWithTheHiddenRisk()
    {
        // Seed 000: "journey stage says Renew, and on the calendar, that's correct" — the states tell the truth beside it.
        var result = Engine("journey").Evaluate(AtGoLive(Sample("northwind-renewal")), AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo("Renew"));
            Assert.That(result.Stage.EnteredOn, Is.EqualTo(AsOf));
            Assert.That(result.Stage.Reason, Is.EqualTo("Renew since 2026-11-23: renewal window: renewal 2027-01-23 in 61 days"));
            Assert.That(result.Stage.EntryDates.Keys, Is.EquivalentTo(new[] { "Onboard", "Activate", "Adopt", "Renew" }), "Expand needs an open expansion or all six states Hit");
            Assert.That(result.Divergence.Text, Is.EqualTo("Hidden risk: Multi-Stakeholder Engagement Reset; Outcome Attribution Slipping"));
        }
    }

    [Test]
    public void Evaluate_AllStatesHitAndBoughtAgainUnderJourney_IsAdvocate()
    {
        var acme = Sample("acme-analytics");
        var renewal = new Opportunity
        {
            Id = "acme-renewal-2027", IsClosed = true, IsWon = true, CloseDate = new DateOnly(2026, 7, 1), Type = OpportunityType.Renewal,
            ContractStart = new DateOnly(2027, 8, 4), ContractEnd = new DateOnly(2029, 8, 3),
        };

        var result = Engine("journey").Evaluate(AtGoLive(acme) with { Opportunities = [.. acme.Opportunities, renewal] }, AsOf);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stage.Stage, Is.EqualTo("Advocate"), "all six Hit, won again; the renewal (2027-08-03) is 253 days out");
            Assert.That(result.Stage.EntryDates["Onboard"], Is.EqualTo(new DateOnly(2025, 8, 4)));
            Assert.That(result.Divergence.Text, Is.Empty);
        }
    }

    private static RulesEngine Engine(string preset) => new(RulesConfiguration.Load(RepoPaths.Preset(preset)));

    private static AccountSnapshot Sample(string id) =>
        SnapshotFileReader.Read(RepoPaths.Snapshots).Accounts.Single(a => a.Id == id);

    /// <summary>The sample's previous values name default-model stages: drop them, as at go-live under another model.</summary>
    private static AccountSnapshot AtGoLive(AccountSnapshot snapshot) => snapshot with { LastWritten = null, Managed = ManagedValues.Empty };
}
