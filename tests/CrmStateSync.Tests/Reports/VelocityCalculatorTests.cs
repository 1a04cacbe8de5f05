using CrmStateSync.Reports;
using CrmStateSync.Store;

namespace CrmStateSync.Tests.Reports;

/// <summary>Velocity over the known history (see <see cref="ReportHistory"/>): completed stays only, open stays apart.</summary>
public class VelocityCalculatorTests : ReportTestBase
{
    private static StageVelocity Row(VelocityReport report, string segment, string stage) =>
        report.TimeInStage.Single(r => r.Segment == segment && r.Stage == stage);

    [Test]
    public void Compute_AllSegments_MedianAndP75OfCompletedStaysPerStage()
    {
        var report = VelocityCalculator.Compute(Input);

        Assert.Multiple(() =>
        {
            Assert.That(Row(report, VelocityReport.All, "New Customer").Completed, Is.EqualTo(new DayStats(4, 15, 22.5)), "stays 4, 10, 20, 30");
            Assert.That(Row(report, VelocityReport.All, "Onboarding").Completed, Is.EqualTo(new DayStats(3, 31, 45.5)), "stays 30, 31, 60");
            Assert.That(Row(report, VelocityReport.All, "Adopting").Completed, Is.EqualTo(new DayStats(1, 30, 30)));
            Assert.That(Row(report, VelocityReport.All, "Healthy").Completed, Is.EqualTo(DayStats.Empty));
            Assert.That(report.OpenStaysIncluded, Is.False);
        });
    }

    [Test]
    public void Compute_OpenStays_CountedApartUpToAsOf()
    {
        var report = VelocityCalculator.Compute(Input);

        Assert.Multiple(() =>
        {
            Assert.That((Row(report, VelocityReport.All, "Onboarding").OpenStays, Row(report, VelocityReport.All, "Onboarding").OpenMedianDays), Is.EqualTo((1, (double?)145)));
            Assert.That((Row(report, VelocityReport.All, "New Customer").OpenStays, Row(report, VelocityReport.All, "New Customer").OpenMedianDays), Is.EqualTo((1, (double?)29)), "A5's move of 07-05 is after as-of");
            Assert.That(Row(report, VelocityReport.All, "At-Risk").OpenMedianDays, Is.EqualTo(60));
            Assert.That(Row(report, VelocityReport.All, "Healthy").OpenMedianDays, Is.EqualTo(110));
        });
    }

    [Test]
    public void Compute_BySegment_RowsPerSegmentAfterTheOverallOnes()
    {
        var report = VelocityCalculator.Compute(Input);

        Assert.Multiple(() =>
        {
            Assert.That(report.TimeInStage.Select(r => r.Segment).Distinct(), Is.EqualTo(new[] { VelocityReport.All, "Enterprise", "SMB" }));
            Assert.That(Row(report, "SMB", "New Customer").Completed, Is.EqualTo(new DayStats(2, 15, 17.5)), "A1 10, A2 20");
            Assert.That(Row(report, "Enterprise", "Onboarding").Completed, Is.EqualTo(new DayStats(1, 31, 31)));
            Assert.That(report.TimeInStage.Any(r => r.Segment == "SMB" && r.Stage == "At-Risk"), Is.False, "segment rows only where there is a stay");
        });
    }

    [Test]
    public void Compute_TimeToValue_AdoptingEntryMinusNewCustomerEntryBySegment()
    {
        var report = VelocityCalculator.Compute(Input);

        Assert.Multiple(() =>
        {
            Assert.That(report.TimeToValue.Select(r => (r.Segment, r.Days)), Is.EqualTo(new[]
            {
                (VelocityReport.All, new DayStats(2, 60, 70)),
                ("Enterprise", DayStats.Empty),
                ("SMB", new DayStats(2, 60, 70)),
            }));
            Assert.That(report.TimeToValueDefinition, Is.EqualTo("Adopting entry − New Customer entry"));
            Assert.That(report.TimeToValueHistogram.Where(b => b.Accounts > 0).Select(b => (b.Label, b.Accounts)), Is.EqualTo(new[] { ("28–41", 1), ("70–83", 1) }), "TTV 40 and 80: buckets of 14 days");
        });
    }

    [Test]
    public void Compute_Segment_OnlyThatSegmentIgnoringCase()
    {
        var report = VelocityCalculator.Compute(Input, "smb");

        Assert.Multiple(() =>
        {
            Assert.That(report.TimeInStage.Select(r => r.Segment).Distinct(), Is.EqualTo(new[] { "smb" }));
            Assert.That(Row(report, "smb", "Onboarding").Completed, Is.EqualTo(new DayStats(2, 45, 52.5)), "A1 30, A2 60");
            Assert.That(report.TimeToValue.Single().Days.N, Is.EqualTo(2));
        });
    }

    [Test]
    public void Compute_AsOfBeforeAdopting_TimeToValueNotYetReached()
    {
        var report = VelocityCalculator.Compute(Inputs.At(ReportHistory.Day("2026-03-01")));

        Assert.That(report.TimeToValue[0].Days, Is.EqualTo(new DayStats(1, 40, 40)), "A2 adopted on 03-22, after the as-of date");
    }

    [Test]
    public void TimeToValueDays_NoStampsWritten_UsesTheWrittenTimeToValue()
    {
        var data = new ReportData("o", "p", [new ReportAccount("X", "X", "SMB")],
            new Dictionary<string, IReadOnlyDictionary<string, string?>> { ["X"] = new Dictionary<string, string?> { ["timeToValueDays"] = "25" } }, [], []);

        Assert.That(VelocityCalculator.TimeToValueDays(new ReportInput(data, ReportHistory.AsOf, ReportStageModel.Default), "X"), Is.EqualTo(25));
    }
}
