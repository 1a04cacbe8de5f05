using System.Xml.Linq;
using static CrmStateSync.Reports.Rendering.Xhtml;

namespace CrmStateSync.Reports.Rendering;

/// <summary>The account-centred sections of the page: distribution with its red flags and divergence.</summary>
public static partial class HtmlRenderer
{
    private static XElement Distribution(DistributionReport d) =>
        Section("distribution", "Stage distribution",
            Note($"{d.Accounts} accounts, {d.WithStage} with a stage, {d.WithoutStage} without; shares are of accounts with a stage."),
            SvgCharts.Funnel(d) ?? Empty(d.Accounts == 0
                ? "The store holds no account yet: the worker has not completed a sync cycle of this org, so there is no funnel to draw."
                : "No account has a stage yet, so there is no funnel to draw."),
            Table(["stage", "accounts", "share", "red flag"],
                d.Stages.Select(s => Row(s.Stage, Fmt.Number(s.Accounts), Fmt.Percent(s.Share), s.RedFlag ? "over 20%" : s.Resting ? "(resting stage)" : "")),
                "No stages.", "table-distribution"),
            El("h3", "Red flags"),
            d.RedFlags.Count == 0 ? Note("None.") : El("ul", A("class", "flags"), d.RedFlags.Select(f => El("li", A("data-kind", f.Kind), f.Message))),
            Note($"Manual transitions: last 90 days {Manual(d.ManualLast90Days)}; all time {Manual(d.ManualAllTime)} (red flag over 15%)."),
            El("h3", $"Stuck longer than {d.StuckDays} days"),
            Table(["account", "name", "segment", "stage", "since", "days"],
                d.Stuck.Select(s => Row(s.AccountId, s.Name ?? "", s.Segment, s.Stage, Fmt.Day(s.EnteredOn), Fmt.Number(s.Days))),
                "No account is stuck.", "table-stuck"));

    private static XElement Divergence(DivergenceReport g) =>
        Section("divergence", "Where stage and states disagree",
            Note($"{g.Total} accounts; the worst {g.Accounts.Count} shown. Worst first: {DivergenceReport.WorstFirst}."),
            Table(["#", "account", "name", "segment", "stage", "states not Hit", "Reset", "renewal", "divergence"],
                g.Accounts.Select(a => Row(Fmt.Number(a.Rank), a.AccountId, a.Name ?? "", a.Segment, a.Stage ?? "(none)", Fmt.Number(a.StatesNotHit), Fmt.Number(a.StatesReset),
                    a.RenewalOn is { } on ? $"{Fmt.Day(on)} ({a.RenewalInDays} days)" : "", a.Text)),
                g.Total == 0 ? "No account in the store yet, so there is nothing to compare." : "Stage and states agree for every account.", "table-divergence"));

    private static XElement Empty(string text) => El("p", A("class", "empty"), text);

    private static string Manual(ManualShare m) =>
        m.Transitions == 0 ? "no transitions" : $"{m.Manual} of {m.Transitions} ({Fmt.Percent(m.Share)}){(m.RedFlag ? ", a red flag" : "")}";
}
