using CrmStateSync.Reports;

namespace CrmStateSync.Tests.Reports;

/// <summary>Stage distribution and the playbook's red flags over the known history (<see cref="ReportHistory"/>).</summary>
public class DistributionCalculatorTests : ReportTestBase
{
    [Test]
    public void Compute_OnePerStage_TwentyPercentEachAndNoConcentrationFlag()
    {
        var report = DistributionCalculator.Compute(Input);

        Assert.Multiple(() =>
        {
            Assert.That((report.Accounts, report.WithStage, report.WithoutStage), Is.EqualTo((6, 5, 1)));
            Assert.That(report.Stages.Select(s => (s.Stage, s.Accounts)), Is.EqualTo(new[]
            {
                ("New Customer", 1), ("Onboarding", 1), ("Adopting", 1), ("Healthy", 1), ("At-Risk", 1), ("Churned", 0),
            }));
            Assert.That(report.Stages.Take(5).Select(s => s.Share), Is.All.EqualTo(0.2));
            Assert.That(report.Stages.Any(s => s.RedFlag), Is.False, "exactly 20% is not over 20%");
            Assert.That(report.RedFlags.Select(f => f.Kind), Has.No.Member("concentration"));
        });
    }

    [Test]
    public void Compute_Stuck_LongerThanThresholdWorstFirstRestingStagesExcluded()
    {
        var report = DistributionCalculator.Compute(Input);

        Assert.Multiple(() =>
        {
            Assert.That(report.Stuck.Select(s => (s.AccountId, s.Stage, s.Days)), Is.EqualTo(new[] { ("A3", "Onboarding", 145), ("A2", "Adopting", 100) }),
                "A1 has been Healthy 110 days: a resting stage");
            Assert.That(report.Stuck[0].EnteredOn, Is.EqualTo(ReportHistory.Day("2026-02-05")));
            Assert.That(report.RedFlags.Single(f => f.Kind == "stuck").Message, Does.Contain("2 account(s)").And.Contain("longest 145 days, A3"));
        });
    }

    [TestCase(100, new[] { "A3" }, TestName = "Compute_StuckDaysEqualToTheStay_NotStuck")]
    [TestCase(99, new[] { "A3", "A2" }, TestName = "Compute_StuckDaysOneBelowTheStay_Stuck")]
    [TestCase(145, new string[0], TestName = "Compute_StuckDaysAtTheLongestStay_NoneStuck")]
    public void Compute_StuckDays_Boundary(int stuckDays, string[] expected) =>
        Assert.That(DistributionCalculator.Compute(Input, stuckDays).Stuck.Select(s => s.AccountId), Is.EqualTo(expected));

    [Test]
    public void Compute_ManualShare_LastNinetyDaysFlaggedAllTimeNot()
    {
        var report = DistributionCalculator.Compute(Input);

        Assert.Multiple(() =>
        {
            Assert.That(report.ManualLast90Days, Is.EqualTo(new ManualShare(1, 2, 0.5, true)), "A4's manual At-Risk (05-01) and A5's New Customer (06-01)");
            Assert.That(report.ManualAllTime.Manual, Is.EqualTo(1));
            Assert.That(report.ManualAllTime.Transitions, Is.EqualTo(13), "the move dated after as-of does not count");
            Assert.That(report.ManualAllTime.RedFlag, Is.False, "1 of 13 is 7.7%");
            Assert.That(report.RedFlags.Single(f => f.Kind == "manual").Message, Does.Contain("50.0%").And.Contain("last 90 days"));
        });
    }

    [Test]
    public void Compute_AccountWithoutStage_IsARedFlag() =>
        Assert.That(DistributionCalculator.Compute(Input).RedFlags.Single(f => f.Kind == "noStage").Message, Does.StartWith("1 of 6 account(s) have no stage"));

    [Test]
    public void Compute_EmptyStore_NoSharesNoFlags()
    {
        var data = new Store.ReportData("o", "p", [], new Dictionary<string, IReadOnlyDictionary<string, string?>>(), [], []);

        var report = DistributionCalculator.Compute(new ReportInput(data, ReportHistory.AsOf, ReportStageModel.Default));

        Assert.Multiple(() =>
        {
            Assert.That(report.Stages.Select(s => s.Share), Is.All.Null);
            Assert.That(report.RedFlags, Is.Empty);
            Assert.That(report.ManualAllTime, Is.EqualTo(new ManualShare(0, 0, null, false)));
        });
    }
}

/// <summary>One more account in Onboarding: two of six staged accounts (33.3%) is over 20%.</summary>
public class DistributionConcentrationTests : ReportTestBase
{
    protected override bool ExtraOnboarding => true;

    [Test]
    public void Compute_TwoOfSixInOnboarding_ConcentrationFlagOnOnboardingOnly()
    {
        var report = DistributionCalculator.Compute(Input);

        Assert.Multiple(() =>
        {
            Assert.That(report.Stages.Where(s => s.RedFlag).Select(s => s.Stage), Is.EqualTo(new[] { "Onboarding" }));
            Assert.That(report.Stages.Single(s => s.Stage == "Onboarding").Share, Is.EqualTo(2.0 / 6));
            Assert.That(report.RedFlags.Single(f => f.Kind == "concentration").Message, Does.StartWith("33.3% of staged accounts are in Onboarding"));
        });
    }
}
