using System.Globalization;

namespace CrmStateSync.Reports;

/// <summary>The distribution report's red flags in words, in the order a reader acts on them.</summary>
internal static class RedFlags
{
    public static List<RedFlag> Of(
        IReadOnlyList<StageShare> stages, IReadOnlyList<StuckAccount> stuck, int stuckDays, ManualShare recent, ManualShare allTime, int withoutStage, int accounts)
    {
        var flags = stages.Where(s => s.RedFlag)
            .Select(s => new RedFlag("concentration", $"{Percent(s.Share)} of staged accounts are in {s.Stage} (over {Percent(DistributionReport.ConcentrationThreshold)}): a bottleneck"))
            .ToList();
        if (stuck.Count > 0)
        {
            flags.Add(new RedFlag("stuck", $"{stuck.Count} account(s) in the same stage for more than {stuckDays} days (longest {stuck[0].Days} days, {stuck[0].AccountId})"));
        }

        foreach (var (window, share) in new[] { ("the last 90 days", recent), ("all time", allTime) }.Where(w => w.Item2.RedFlag))
        {
            flags.Add(new RedFlag("manual", $"{Percent(share.Share)} of transitions in {window} were manual stage edits (over {Percent(DistributionReport.ManualThreshold)})"));
        }

        if (withoutStage > 0)
        {
            flags.Add(new RedFlag("noStage", $"{withoutStage} of {accounts} account(s) have no stage: only accounts without a won opportunity should (the playbook wants every customer staged)"));
        }

        return flags;
    }

    /// <summary>A share as a percentage with one decimal, e.g. <c>20.0%</c>; empty when there is no share.</summary>
    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "";
}
