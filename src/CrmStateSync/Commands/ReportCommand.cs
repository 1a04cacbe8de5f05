using System.CommandLine;
using CrmStateSync.Reports;

namespace CrmStateSync.Commands;

/// <summary>
/// <c>report velocity|distribution|divergence|runs|all</c>: what CS leadership reads, computed from the worker's SQLite
/// store (opened read-only) by the pure calculators of <see cref="Reports"/>, printed as a table, CSV, JSON or one
/// self-contained HTML page. Only the configuration's <c>Worker</c> and <c>Rules:StageModel</c> sections are read.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider clock)
    {
        var runner = new ReportRunner(output, error, clock);
        var segment = new Option<string?>("--segment") { Description = "Only the accounts of this segment (case ignored)" };
        var stuckDays = StuckDays();
        var stuckDaysAll = StuckDays();
        var divergenceLimit = Limit(DivergenceReport.DefaultLimit, "Diverging accounts to list, worst first");
        var runsLimit = Limit(RunsReport.DefaultLimit, "Runs to list, newest first");
        return new Command("report", "Reports for CS leadership and admins, read from the worker's SQLite store")
        {
            runner.Command("velocity", "Median and p75 time in each stage, and time to value, overall and by segment", [segment], false,
                (p, i, s) => s with { Velocity = VelocityCalculator.Compute(i, p.GetValue(segment)) }),
            runner.Command("distribution", "Accounts per stage with the playbook's red flags (concentration, stuck, manual moves, no stage)", [stuckDays], false,
                (p, i, s) => s with { Distribution = DistributionCalculator.Compute(i, p.GetValue(stuckDays)) }),
            runner.Command("divergence", "Accounts whose stage and states disagree, worst first", [divergenceLimit], true,
                (p, i, s) => s with { Divergence = DivergenceCalculator.Compute(i, p.GetValue(divergenceLimit)) }),
            runner.Command("runs", "Recent sync cycles with their counts and API calls, and totals", [runsLimit], false,
                (p, i, s) => s with { Runs = RunsReport.Compute(i, p.GetValue(runsLimit)) }),
            runner.Command("all", "Every report at once; --format html --output FILE writes the page leadership reads", [stuckDaysAll], true,
                (p, i, s) => s with
                {
                    Velocity = VelocityCalculator.Compute(i),
                    Distribution = DistributionCalculator.Compute(i, p.GetValue(stuckDaysAll)),
                    Divergence = DivergenceCalculator.Compute(i),
                    Runs = RunsReport.Compute(i),
                    Conflicts = ConflictsReport.Compute(i),
                }, conflicts: true),
        };
    }

    private static Option<int> StuckDays()
    {
        var option = new Option<int>("--stuck-days")
        {
            Description = "Days in a stage meant to be passed through before an account counts as stuck",
            DefaultValueFactory = _ => DistributionReport.DefaultStuckDays,
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--stuck-days: must be 0 or more");
            }
        });
        return option;
    }

    private static Option<int> Limit(int defaultValue, string description)
    {
        var option = new Option<int>("--limit") { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--limit: must be 1 or more");
            }
        });
        return option;
    }
}
