using CrmStateSync.Reports;

namespace CrmStateSync.Tests.Reports;

/// <summary>Divergence worst first, and run totals, over the known history (<see cref="ReportHistory"/>).</summary>
public class DivergenceAndRunsTests : ReportTestBase
{
    [Test]
    public void Divergence_WorstFirst_MoreNotHitThenSoonerRenewalThenAheadOfStage()
    {
        var report = DivergenceCalculator.Compute(Input);

        Assert.Multiple(() =>
        {
            Assert.That(report.Accounts.Select(a => (a.Rank, a.AccountId)), Is.EqualTo(new[] { (1, "A2"), (2, "A5"), (3, "A1"), (4, "A3") }));
            Assert.That(report.Accounts.Select(a => (a.StatesNotHit, a.StatesReset)), Is.EqualTo(new[] { (2, 1), (1, 0), (1, 0), (1, 1) }));
            Assert.That(report.Accounts.Select(a => a.RenewalInDays), Is.EqualTo(new int?[] { null, 15, 32, null }));
            Assert.That(report.Accounts.Select(a => a.Kind), Is.EqualTo(new[] { "Hidden risk", "Hidden risk", "Hidden risk", "Ahead of stage" }));
            Assert.That(report.Accounts[2].Name, Is.EqualTo(ReportHistory.Tricky));
            Assert.That(report.Total, Is.EqualTo(4), "A4 agrees");
        });
    }

    [Test]
    public void Divergence_Limit_TheWorstOnesAndTheTotal()
    {
        var report = DivergenceCalculator.Compute(Input, limit: 2);

        Assert.That((report.Total, report.Accounts.Select(a => a.AccountId)), Is.EqualTo((4, new[] { "A2", "A5" })).Using<(int, IEnumerable<string>)>((x, y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2)));
    }

    [Test]
    public void Runs_NewestFirst_TotalsOverShownAndAll()
    {
        var report = RunsReport.Compute(Input, limit: 2);

        Assert.Multiple(() =>
        {
            Assert.That(report.Runs.Select(r => (r.Kind, r.Outcome, r.Seconds)), Is.EqualTo(new[] { ("backfill", (string?)null, (double?)null), ("sync", "partial", 3.0) }));
            Assert.That(report.Shown, Is.EqualTo(new RunTotals(2, 2, 4, 5, 0, 0, 0, 3)));
            Assert.That(report.All, Is.EqualTo(new RunTotals(3, 2, 14, 10, 3, 1, 2, 10)));
        });
    }

    [Test]
    public void Runs_AsOfBeforeTheRuns_None() =>
        Assert.That(RunsReport.Compute(Inputs.At(ReportHistory.Day("2026-06-28"))).All.Runs, Is.Zero);
}
