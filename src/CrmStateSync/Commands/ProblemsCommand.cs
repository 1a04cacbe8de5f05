using System.CommandLine;
using CrmStateSync.Hosting;
using CrmStateSync.Output;
using CrmStateSync.Store;

namespace CrmStateSync.Commands;

/// <summary>
/// <c>problems list [--run ID] [--open] [--format table|csv|json] [--config FILE] [--database FILE]</c>: the records each
/// run could not use — unreadable values, records kept aside, accounts that failed, writes the CRM refused — read from
/// the worker's SQLite file (opened read-only, like <c>report</c>), so nobody needs <c>sqlite3</c> for them.
/// </summary>
internal static class ProblemsCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("problems", "Problems with records, per run: unreadable values, records kept aside, refused writes")
        {
            List(output, error),
        };

    private static Command List(TextWriter output, TextWriter error)
    {
        var run = new Option<long?>("--run") { Description = "Only the problems met in this run (the id of report runs)" };
        var open = new Option<bool>("--open") { Description = "Only open problems: the record is still kept aside or unreadable, the write still not landed" };
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var config = new Option<FileInfo?>("--config", "-c") { Description = "appsettings file (default ./appsettings.json); only its Worker section is read" };
        var database = new Option<FileInfo?>("--database") { Description = "The store file to read, instead of Worker:DatabasePath" };
        var command = new Command("list", "List the problems, in the order they were met; the filters combine") { run, open, format, config, database };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var (source, code) = await ReportSource.OpenAsync(parse.GetValue(config), parse.GetValue(database), error, ct).ConfigureAwait(false);
                if (source is null)
                {
                    return code;
                }

                await using var store = source.Store;
                var problems = await store.ListProblemsAsync(new ProblemFilter(parse.GetValue(run), parse.GetValue(open)), ct).ConfigureAwait(false);
                ProblemListWriter.Write(output, problems, parse.GetValue(format)!);
                return ExitCodes.Success;
            }
            catch (StoreMismatchException ex)
            {
                return Failures.Report(ex, error);
            }
        });
        return command;
    }
}
