namespace CrmStateSync.Reports;

/// <summary>Computes <see cref="DistributionReport"/>: the stage of each cached account on the as-of date, from the history.</summary>
public static class DistributionCalculator
{
    public static DistributionReport Compute(ReportInput input, int stuckDays = DistributionReport.DefaultStuckDays)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(stuckDays);
        var current = input.Accounts.Select(a => (Account: a, Stay: input.History.Current(a.Id))).ToList();
        var staged = current.Where(c => c.Stay is not null).Select(c => (c.Account, Stay: c.Stay!)).ToList();
        var stages = input.Model.WithExtra(staged.Select(s => s.Stay.Stage)).Select(stage => Share(input.Model, stage, staged.Count(s => s.Stay.Stage == stage), staged.Count)).ToList();
        var stuck = staged
            .Where(s => !input.Model.Resting.Contains(s.Stay.Stage) && s.Stay.Days(input.AsOf) > stuckDays)
            .Select(s => new StuckAccount(s.Account.Id, s.Account.Name, input.SegmentOf(s.Account.Id), s.Stay.Stage, s.Stay.From, s.Stay.Days(input.AsOf)))
            .OrderByDescending(s => s.Days).ThenBy(s => s.AccountId, StringComparer.Ordinal)
            .ToList();
        var recent = Manual(input.History.Recent);
        var allTime = Manual(input.History.AllTime);
        var withoutStage = current.Count - staged.Count;
        var flags = RedFlags.Of(stages, stuck, stuckDays, recent, allTime, withoutStage, current.Count);
        return new DistributionReport(input.AsOf, current.Count, staged.Count, withoutStage, stages, stuckDays, stuck, recent, allTime, flags);
    }

    private static StageShare Share(ReportStageModel model, string stage, int count, int total)
    {
        double? share = total == 0 ? null : (double)count / total;
        var resting = model.Resting.Contains(stage);
        return new StageShare(stage, count, share, resting, !resting && share > DistributionReport.ConcentrationThreshold);
    }

    private static ManualShare Manual(ManualCount count)
    {
        double? share = count.Total == 0 ? null : (double)count.Manual / count.Total;
        return new ManualShare(count.Manual, count.Total, share, share > DistributionReport.ManualThreshold);
    }
}
