using CrmStateSync.Reports;
using CrmStateSync.Store;
using CrmStateSync.Sync.Diff;

namespace CrmStateSync.Tests.Reports;

/// <summary>The conflict-log section's numbers, from a hand-made log.</summary>
public class ConflictsReportTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    [Test]
    public void Compute_Log_CountsByActionOpenByFieldAndRuleLatestFirst()
    {
        ConflictEntry[] log =
        [
            Entry(1, "stage", ConflictAction.Open, "Review", AsOf.AddDays(-5)),
            Entry(2, "stage", ConflictAction.Open, "Review", AsOf.AddDays(-4), resolvedOn: AsOf.AddDays(-1)),
            Entry(3, "divergence", ConflictAction.Open, null, AsOf.AddDays(-3)),
            Entry(4, "state:goalClarity", ConflictAction.Reverted, "EngineWins", AsOf.AddDays(-2)),
            Entry(5, "stage", ConflictAction.Open, "Review", AsOf.AddDays(-1)),
            Entry(6, "stage", ConflictAction.Open, "Review", AsOf.AddDays(1)),
        ];

        var report = ConflictsReport.Compute(Input(log), limit: 2);

        Assert.Multiple(() =>
        {
            Assert.That((report.Logged, report.Open), Is.EqualTo((5, 3)), "the one after the as-of date is not counted; the resolved one is not open");
            Assert.That(report.ByAction.Select(a => (a.Key, a.Count)), Is.EqualTo(new[] { ("Reverted", 1), ("Accepted", 0), ("Open", 4) }));
            Assert.That(report.OpenByField.Select(f => (f.Key, f.Count)), Is.EqualTo(new[] { ("stage", 2), ("divergence", 1) }));
            Assert.That(report.OpenByRule.Select(f => (f.Key, f.Count)), Is.EqualTo(new[] { ("Review", 2), (ConflictsReport.NoRule, 1) }));
            Assert.That(report.Recent.Select(r => r.Id), Is.EqualTo(new long[] { 5, 4 }));
            Assert.That(report.Recent[0].Name, Is.EqualTo("Acme"));
        });
    }

    [Test]
    public void Compute_EmptyLog_ZeroEverywhere()
    {
        var report = ConflictsReport.Compute(Input([]));

        Assert.Multiple(() =>
        {
            Assert.That((report.Logged, report.Open, report.Recent.Count, report.OpenByField.Count), Is.EqualTo((0, 0, 0, 0)));
            Assert.That(report.ByAction.Select(a => a.Count), Is.All.Zero);
        });
    }

    private static ReportInput Input(IReadOnlyList<ConflictEntry> log) =>
        new(new ReportData("00D", "salesforce", [new ReportAccount("001", "Acme", "SMB")], new Dictionary<string, IReadOnlyDictionary<string, string?>>(), [], []),
            AsOf, ReportStageModel.Default, conflicts: log);

    private static ConflictEntry Entry(long id, string field, ConflictAction action, string? rule, DateOnly on, DateOnly? resolvedOn = null) =>
        new(id, "001", field, "human", "engine", action, rule, on, resolvedOn is null ? null : ConflictKeep.Engine, resolvedOn);
}
