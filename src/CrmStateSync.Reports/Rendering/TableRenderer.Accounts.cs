namespace CrmStateSync.Reports.Rendering;

/// <summary>The two account-centred reports as text: distribution with its red flags, divergence worst first.</summary>
public static partial class TableRenderer
{
    private static void Distribution(TextWriter o, ReportSet set, DistributionReport d)
    {
        o.WriteLine(Fmt.Header(set, "Stage distribution"));
        o.WriteLine($"{d.Accounts} account(s), {d.WithStage} with a stage, {d.WithoutStage} without; shares are of accounts with a stage.");
        TextTable.Write(o, ["stage", "accounts", "share", "red flag"], d.Stages.Select(s => (IReadOnlyList<string>)
            [s.Stage, Fmt.Number(s.Accounts), Fmt.OrNone(Fmt.Percent(s.Share)), s.RedFlag ? "over 20%" : s.Resting ? "(resting stage)" : ""]),
            "No stages.");
        o.WriteLine($"Manual transitions: last 90 days {Manual(d.ManualLast90Days)}; all time {Manual(d.ManualAllTime)} (red flag over 15%).");
        o.WriteLine(d.RedFlags.Count == 0 ? "Red flags: none." : $"Red flags ({d.RedFlags.Count}):");
        foreach (var flag in d.RedFlags)
        {
            o.WriteLine($"  ! {flag.Message}");
        }

        o.WriteLine($"Stuck: in a stage meant to be passed through for more than {d.StuckDays} days, longest first ({d.Stuck.Count}):");
        TextTable.Write(o, ["account", "name", "segment", "stage", "since", "days"], d.Stuck.Select(s => (IReadOnlyList<string>)
            [s.AccountId, s.Name ?? "", s.Segment, s.Stage, Fmt.Day(s.EnteredOn), Fmt.Number(s.Days)]),
            "No account is stuck.");
    }

    private static void Divergence(TextWriter o, ReportSet set, DivergenceReport d)
    {
        o.WriteLine(Fmt.Header(set, "Where stage and states disagree") + $": {d.Total} account(s), the worst {d.Accounts.Count} shown");
        o.WriteLine($"Worst first: {DivergenceReport.WorstFirst}.");
        TextTable.Write(o, ["#", "account", "name", "stage", "not hit", "reset", "renewal in", "divergence"], d.Accounts.Select(a => (IReadOnlyList<string>)
            [Fmt.Number(a.Rank), a.AccountId, a.Name ?? "", a.Stage ?? "(none)", Fmt.Number(a.StatesNotHit), Fmt.Number(a.StatesReset), Fmt.OrNone(Fmt.Number(a.RenewalInDays)), a.Text]),
            "Stage and states agree for every account.");
    }

    private static string Manual(ManualShare m) =>
        m.Transitions == 0 ? "no transitions" : $"{m.Manual} of {m.Transitions} ({Fmt.Percent(m.Share)}){(m.RedFlag ? " RED FLAG" : "")}";
}
