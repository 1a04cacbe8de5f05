using CrmStateSync.Tests.TestSupport;

namespace CrmStateSync.Tests.Commands;

/// <summary>
/// <c>evaluate</c> end to end, in-process: samples/snapshots.json against the expectations of samples/README.md (worked
/// out by hand from rules.md and the seeds), malformed input, and the command's options.
/// </summary>
[TestFixture]
public partial class EvaluateCommandTests
{
    private const string AsOf = "2026-11-23";
    private const string Due = "2026-11-30";

    private CommandRun _samples = null!;
    private TempFolder _temp = null!;

    [OneTimeSetUp]
    public void RunSamples() => _samples = CommandRun.Of("evaluate", "--input", RepoPaths.Snapshots);

    [SetUp]
    public void CreateTempFolder() => _temp = new TempFolder();

    [TearDown]
    public void DeleteTempFolder() => _temp.Dispose();

    [Test]
    public void Evaluate_SampleSnapshots_EvaluatesEveryAccountWithoutProblems()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(_samples.ExitCode, Is.EqualTo(ExitCodes.Success), _samples.Error);
            Assert.That(_samples.Json().Text("asOf"), Is.EqualTo(AsOf));
            Assert.That(_samples.Errors(), Is.Empty);
            Assert.That(_samples.ResultIds(), Is.EqualTo(new[]
            {
                "northwind-renewal", "acme-analytics", "brightpath-hr", "lumen-ledger", "quanta-logistics", "meridian-foods",
                "granite-insurance", "solstice-energy", "vertex-robotics", "harborline-logistics", "ironclad-legal",
                "kestrel-security", "summit-dental", "cobalt-freight", "orbit-media", "pinecrest-labs", "tidewater-clinics",
                "willow-wealth", "fjord-payments",
            }));
        }
    }

    [Test]
    public void Evaluate_SampleSnapshots_ReachEveryStageOfTheDefaultModel()
    {
        var stages = _samples.Json().GetProperty("results").EnumerateArray().Select(r => r.Text("stage", "value")).ToHashSet();

        Assert.That(stages, Is.SupersetOf(new[] { "New Customer", "Onboarding", "Adopting", "Healthy", "At-Risk", "Churned", null }));
    }

    [TestCase("northwind-renewal", "Healthy", "2025-06-02", Description = "§3 forward only: a Healthy account stays Healthy with its entry date")]
    [TestCase("acme-analytics", "Healthy", "2025-11-10", Description = "§3 an unchanged account keeps stage and date")]
    [TestCase("brightpath-hr", "New Customer", "2026-11-16", Description = "§3 New Customer stamped FirstClosedWonOn")]
    [TestCase("lumen-ledger", "Onboarding", "2026-10-26", Description = "§3 Onboarding stamped the earlier of kickoff and first active user")]
    [TestCase("quanta-logistics", "Adopting", AsOf, Description = "§3 several stages in one evaluation; Adopting stamped the as-of date it first held")]
    [TestCase("meridian-foods", "Adopting", "2026-04-06", Description = "§3 Healthy needs onboarding complete")]
    [TestCase("granite-insurance", "Healthy", "2024-08-05", Description = "§4 the stage never changes because of the states")]
    [TestCase("solstice-energy", "Healthy", "2025-08-11", Description = "§4 the stage never changes because of the states")]
    [TestCase("vertex-robotics", "At-Risk", AsOf, Description = "§3 At-Risk: core events in the last 30 days at most half of the previous 30")]
    [TestCase("harborline-logistics", "At-Risk", AsOf, Description = "§3 At-Risk: Daily-Work Integration Reset by removal")]
    [TestCase("ironclad-legal", "At-Risk", "2026-11-19", Description = "§3 manual move to At-Risk with a reason, stamped with the CRM's change date")]
    [TestCase("kestrel-security", "Adopting", "2026-11-20", Description = "§3 manual forward move accepted; §8 pinned for 30 days")]
    [TestCase("summit-dental", "Healthy", "2026-07-06", Description = "§3 a backward manual move is rejected and the stage put back")]
    [TestCase("cobalt-freight", "Churned", "2026-09-15", Description = "§8 churn (a) and (b): the earlier date")]
    [TestCase("orbit-media", "Onboarding", "2026-10-12", Description = "§3 reactivation: New Customer, then walk forward on facts after the win")]
    [TestCase("pinecrest-labs", null, null, Description = "§8 accounts with no won opportunity have no stage")]
    [TestCase("tidewater-clinics", "Onboarding", "2026-11-02", Description = "§3 Adopting needs 10 value actions in 14 days")]
    [TestCase("willow-wealth", "Healthy", AsOf, Description = "§3 an automated At-Risk recovers to the stage held before, re-stamped")]
    [TestCase("fjord-payments", "At-Risk", AsOf, Description = "§3 At-Risk: renewal within 60 days with two or more states not Hit")]
    public void Evaluate_SampleAccount_StageAndEntryDateAsInReadme(string id, string? stage, string? enteredOn)
    {
        var result = _samples.Result(id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Text("stage", "value"), Is.EqualTo(stage));
            Assert.That(result.Text("stage", "enteredOn"), Is.EqualTo(enteredOn));
        }
    }

    [TestCase("northwind-renewal", "H H H R S H")]
    [TestCase("acme-analytics", "H H H H H H")]
    [TestCase("brightpath-hr", "R R S R R R", Description = "§8 never established gives Reset; 03 never resets: no usage is Slipping")]
    [TestCase("lumen-ledger", "H H S H R R")]
    [TestCase("quanta-logistics", "H H H H R S")]
    [TestCase("meridian-foods", "S S H S H H")]
    [TestCase("granite-insurance", "R R H H S H", Description = "§4 a leadership change resets 01, 02 with it; 05 goal change without outcome")]
    [TestCase("solstice-energy", "H S H H H H")]
    [TestCase("vertex-robotics", "H H S H H S")]
    [TestCase("harborline-logistics", "H H H H H R")]
    [TestCase("ironclad-legal", "H H H H R H")]
    [TestCase("kestrel-security", "H H H H H R")]
    [TestCase("summit-dental", "H H H H H H")]
    [TestCase("cobalt-freight", "S H S S S R", Description = "§4 grace keeps 02 while no slip condition fired")]
    [TestCase("orbit-media", "H H S S R R")]
    [TestCase("pinecrest-labs", "R R H H R R", Description = "§4 states are independent of the stage")]
    [TestCase("tidewater-clinics", "H R S S R R")]
    [TestCase("willow-wealth", "H H H H H H")]
    [TestCase("fjord-payments", "H H H S R H")]
    public void Evaluate_SampleAccount_StatesAsInReadme(string id, string letters) =>
        Assert.That(_samples.Result(id).StateLetters(), Is.EqualTo(letters));
}
