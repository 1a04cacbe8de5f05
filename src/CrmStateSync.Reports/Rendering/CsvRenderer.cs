using CrmStateSync.Output;

namespace CrmStateSync.Reports.Rendering;

/// <summary>
/// One report as RFC 4180 CSV (header row, CRLF, quoted when needed): one table per report. A report with several
/// parts (velocity's time in stage and time to value; distribution's stages, manual shares and stuck accounts) puts
/// them in one table with a <c>section</c> column, so a spreadsheet can filter on it. Shares are fractions (0.2 = 20%).
/// </summary>
public static class CsvRenderer
{
    public static void Write(TextWriter output, ReportSet set)
    {
        if (set.Velocity is { } v)
        {
            Rows(output, ["section", "segment", "stage", "n", "median_days", "p75_days", "open_stays", "open_median_days"],
                v.TimeInStage.Select(r => (IReadOnlyList<string?>)["time_in_stage", r.Segment, r.Stage, Fmt.Number(r.Completed.N), Fmt.Number(r.Completed.Median), Fmt.Number(r.Completed.P75), Fmt.Number(r.OpenStays), Fmt.Number(r.OpenMedianDays)])
                .Concat(v.TimeToValue.Select(r => (IReadOnlyList<string?>)["time_to_value", r.Segment, "", Fmt.Number(r.Days.N), Fmt.Number(r.Days.Median), Fmt.Number(r.Days.P75), "", ""])));
        }
        else if (set.Distribution is { } d)
        {
            Rows(output, ["section", "stage", "account", "name", "segment", "accounts", "share", "since", "days", "red_flag"], Distribution(d));
        }
        else if (set.Divergence is { } g)
        {
            Rows(output, ["rank", "account", "name", "segment", "stage", "kind", "states_not_hit", "states_reset", "renewal_on", "renewal_in_days", "divergence"],
                g.Accounts.Select(a => (IReadOnlyList<string?>)[Fmt.Number(a.Rank), a.AccountId, a.Name, a.Segment, a.Stage, a.Kind, Fmt.Number(a.StatesNotHit), Fmt.Number(a.StatesReset), Fmt.Day(a.RenewalOn), Fmt.Number(a.RenewalInDays), a.Text]));
        }
        else if (set.Runs is { } r)
        {
            Rows(output, ["id", "kind", "started_at", "finished_at", "seconds", "outcome", "read", "evaluated", "written", "rejected", "conflicts", "api_calls"],
                r.Runs.Select(x => (IReadOnlyList<string?>)[Fmt.Number(x.Id), x.Kind, Instant(x.StartedAt), x.FinishedAt is { } f ? Instant(f) : "", Fmt.Number(x.Seconds), x.Outcome,
                    Fmt.Number(x.Read), Fmt.Number(x.Evaluated), Fmt.Number(x.Written), Fmt.Number(x.Rejected), Fmt.Number(x.Conflicts), Fmt.Number(x.ApiCalls)]));
        }
    }

    private static IEnumerable<IReadOnlyList<string?>> Distribution(DistributionReport d) =>
        d.Stages.Select(s => (IReadOnlyList<string?>)["stage", s.Stage, "", "", "", Fmt.Number(s.Accounts), Fmt.Fraction(s.Share), "", "", Flag(s.RedFlag)])
            .Append(["no_stage", "", "", "", "", Fmt.Number(d.WithoutStage), d.Accounts == 0 ? "" : Fmt.Fraction((double)d.WithoutStage / d.Accounts), "", "", Flag(d.WithoutStage > 0)])
            .Append(["manual_last_90_days", "", "", "", "", Fmt.Number(d.ManualLast90Days.Manual), Fmt.Fraction(d.ManualLast90Days.Share), "", "", Flag(d.ManualLast90Days.RedFlag)])
            .Append(["manual_all_time", "", "", "", "", Fmt.Number(d.ManualAllTime.Manual), Fmt.Fraction(d.ManualAllTime.Share), "", "", Flag(d.ManualAllTime.RedFlag)])
            .Concat(d.Stuck.Select(s => (IReadOnlyList<string?>)["stuck", s.Stage, s.AccountId, s.Name, s.Segment, "", "", Fmt.Day(s.EnteredOn), Fmt.Number(s.Days), "true"]));

    private static string Flag(bool raised) => raised ? "true" : "false";

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static void Rows(TextWriter output, IReadOnlyList<string?> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        foreach (var row in rows.Prepend(header))
        {
            output.Write(string.Join(',', row.Select(ConflictCsv.Field)));
            output.Write("\r\n");
        }
    }
}
